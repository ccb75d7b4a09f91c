import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TmuxShell, binaryCommand, hasTmux } from '../helpers/spawn-tmux.js';
import { checkpointed, corruptCopy, demoFile } from './fault-files.js';

const dir = mkdtempSync(join(tmpdir(), 'bematic-terminal-'));
let demo = '';
let shell: TmuxShell | undefined;
beforeAll(async () => {
  if (hasTmux()) demo = checkpointed(await demoFile(dir));
}, 60_000);
afterEach(() => shell?.close());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the console, then, before the shell touches the terminal, prints its exit code and the tty's line modes. */
function startConsole(s: TmuxShell, db: string): void {
  s.run(`${binaryCommand(['--db', db])}; echo "EXIT=$?"; stty -a | tr ' ;' '\\n\\n' | grep -Ex -- '-?(icanon|echo|isig)' | tr '\\n' ' '; echo "STTY-$((6*7))-END"`);
}

/** What a usable terminal looks like after the console has gone, whatever ended it. */
async function expectTerminalRestored(s: TmuxShell): Promise<number> {
  const after = await s.waitFor(/STTY-42-END/); // computed, so the typed command line never matches
  const code = Number(/EXIT=(\d+)/.exec(after)?.[1]);
  expect(s.pane('alternate_on')).toBe('0');
  expect(s.pane('cursor_flag')).toBe('1');
  const modes = /EXIT=\d+\n([^\n]*)STTY-42-END/.exec(after)?.[1]?.trim().split(/\s+/).sort();
  expect(modes).toEqual(['echo', 'icanon', 'isig']);
  s.run('echo prompt-ok-$((40+2))');
  await s.waitFor('prompt-ok-42');
  return code;
}

/** Where the console is when it is ended: the key that gets there and what the screen then shows. */
const PLACES: [string, string | null, RegExp][] = [
  ['on the dashboard', null, /Tasks by status/],
  ['with the help overlay open', '?', /Keys \(Esc closes\)/],
  ['with the palette open', ':', /screen name or number/],
  ['on the tasks screen', '2', /\d+-\d+ of [\d,]+/],
];

async function goTo(s: TmuxShell, key: string | null, shows: RegExp): Promise<void> {
  await s.waitFor(/\? help/);
  if (key) s.literal(key);
  await s.waitFor(shows);
}

describe.skipIf(!hasTmux())('ending the interactive console restores the terminal (tmux)', () => {
  it.each(PLACES)(
    'Ctrl-C %s',
    async (_where, key, shows) => {
      shell = new TmuxShell(100, 30);
      startConsole(shell, demo);
      await goTo(shell, key, shows);
      expect(shell.pane('alternate_on')).toBe('1');
      shell.keys('C-c');
      const code = await expectTerminalRestored(shell);
      expect([0, 130]).toContain(code);
    },
    40_000,
  );

  it.each(PLACES.slice(0, 3))(
    'SIGTERM %s',
    async (_where, key, shows) => {
      shell = new TmuxShell(100, 30);
      startConsole(shell, demo);
      await goTo(shell, key, shows);
      const pid = shell.foregroundPid();
      expect(pid).toBeDefined();
      process.kill(pid!, 'SIGTERM');
      expect(await expectTerminalRestored(shell)).toBe(143);
    },
    40_000,
  );

  it('q quits at the top level, with the terminal restored and exit code 0', async () => {
    shell = new TmuxShell(100, 30);
    startConsole(shell, demo);
    await shell.waitFor(/\? help/);
    shell.literal('q');
    expect(await expectTerminalRestored(shell)).toBe(0);
  }, 40_000);
});

describe.skipIf(!hasTmux())('the console on a corrupt file (tmux)', () => {
  it('says in one sentence that the file is corrupt and points to doctor, exits 1 and restores the terminal', async () => {
    const corrupt = corruptCopy(demo, join(dir, 'corrupt.db'));
    shell = new TmuxShell(100, 30);
    startConsole(shell, corrupt);
    const seen = await shell.waitFor(/EXIT=\d/);
    // the pane wraps the long sentence: compare it unwrapped
    expect(seen.replace(/\n/g, '')).toContain(`bematic-console: the database file is corrupt (${corrupt}); run \`bematic-console doctor\``);
    expect(seen).not.toMatch(/malformed/);
    expect(await expectTerminalRestored(shell)).toBe(1);
  }, 40_000);

  it('corruption met while browsing ends the console the same way: one sentence, exit 1, terminal restored', async () => {
    const path = join(dir, 'spoiled-later.db');
    copyFileSync(demo, path);
    shell = new TmuxShell(100, 30);
    startConsole(shell, path);
    await shell.waitFor(/Tasks by status/); // the start-up look found nothing wrong
    spoilTable(path, 'prompt_history'); // pages the dashboard never read, so none is in the console's cache
    shell.literal('7');
    const seen = await shell.waitFor(/EXIT=\d/);
    expect(seen.replace(/\n/g, '')).toContain(`bematic-console: the database file is corrupt (${path}); run \`bematic-console doctor\``);
    expect(await expectTerminalRestored(shell)).toBe(1);
  }, 40_000);
});

/** Garbage over every page of one table, in place, as a failing disk would leave it. */
function spoilTable(path: string, table: string): void {
  const db = new Database(path, { readonly: true });
  const pages = db.prepare('SELECT pageno FROM dbstat WHERE name = ?').pluck().all(table) as number[];
  db.close();
  const fd = openSync(path, 'r+');
  for (const page of pages) writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, (page - 1) * 4096);
  closeSync(fd);
}
