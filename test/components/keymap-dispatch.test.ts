import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANY_KEY, BINDINGS, type CommandId } from '../../src/keymap/bindings.js';
import { isCommand } from '../../src/keymap/keymap.js';
import { listCommands } from '../../src/keymap/list-commands.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BINDINGS_FILE = join('src', 'keymap', 'bindings.ts');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && path !== BINDINGS_FILE ? [path] : [];
  });
}

/** Every source file that can hear a key (screens, the app, hooks, components, the keymap's dispatch tables). */
const code = ['src', 'screens', 'components'].flatMap(sources).map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));

describe('the keymap is dispatched', () => {
  it('every binding shown in help is a command some handler asks for by its id', () => {
    const commands = [...new Set(BINDINGS.map((b) => b.command))];
    const undispatched = commands.filter((c) => !code.some((f) => f.text.includes(`'${c}'`)));
    expect(undispatched, 'bindings that no handler dispatches: wire them or delete them').toEqual([]);
  });

  it('command ids are a union: an unknown id fails the type check', () => {
    // @ts-expect-error 'list.dwon' is no command
    const typo: CommandId = 'list.dwon';
    expect(BINDINGS.some((b) => b.command === typo)).toBe(false);
  });

  it("Enter and / on a list are the screen's own command where its help names one", () => {
    expect(listCommands('users')).toEqual({ open: 'user.open', filter: 'list.filter' });
    expect(listCommands('prompts')).toEqual({ open: 'list.open', filter: 'prompts.search' });
    expect(listCommands('tasks')).toEqual({ open: 'list.open', filter: 'list.filter' });
    for (const scope of ['task', 'sessions', 'projects', 'users', 'user', 'api-keys', 'audit', 'prompts']) {
      const { open, filter } = listCommands(scope);
      // the screen's command is bound in that scope to the key the list commands use
      expect(isCommand(open, 'enter'), scope).toBe(true);
      expect(isCommand(filter, '/'), scope).toBe(true);
      const own = BINDINGS.filter((b) => b.scope === scope).map((b) => b.command as string);
      expect(own.includes(open) || own.includes(filter), scope).toBe(true);
    }
  });

  it('a binding of any key is triggered by every key, and Ctrl-C is the force quit', () => {
    expect(
      BINDINGS.filter((b) => (b.keys as readonly string[]).includes(ANY_KEY))
        .map((b) => b.command)
        .sort(),
    ).toEqual(['notice.close', 'secret.hide']);
    for (const k of ['enter', 'esc', 'x', 'down']) expect(isCommand('secret.hide', k)).toBe(true);
    expect(isCommand('app.forceQuit', 'ctrl+c')).toBe(true);
    expect(isCommand('app.quit', 'x')).toBe(false);
  });

  it('reads the handlers from the real tree', () => {
    expect(code.map((f) => relative('.', f.path))).toContain(join('src', 'hooks', 'use-list-keys.ts'));
  });
});
