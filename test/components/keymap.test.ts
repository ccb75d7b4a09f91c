import { describe, it, expect } from 'vitest';
import { BINDINGS, SCOPES } from '../../src/keymap/bindings.js';
import { helpSections, footerHints, keymapMarkdown, isCommand, bindingKeys } from '../../src/keymap/keymap.js';
import { keyName } from '../../src/keymap/keys.js';
import { editText } from '../../src/keymap/edit-text.js';
import { filterPaletteItems } from '../../components/Palette.js';
import { helpColumns, columnLines } from '../../components/HelpOverlay.js';
import type { Key } from 'ink';

const key = (over: Partial<Key> = {}): Key => ({
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
  ...over,
});

describe('the keymap', () => {
  it('names keys the way the bindings write them', () => {
    expect(keyName('', key({ downArrow: true }))).toBe('down');
    expect(keyName('f', key({ ctrl: true }))).toBe('ctrl+f');
    expect(keyName('', key({ pageDown: true }))).toBe('pagedown');
    expect(keyName('G', key({ shift: true }))).toBe('G');
    expect(isCommand('list.pageDown', 'ctrl+f')).toBe(true);
    expect(isCommand('list.last', 'end')).toBe(true);
    expect(isCommand('list.last', 'g')).toBe(false);
  });

  it('gives every binding a scope with a help section, and no key two meanings in one scope', () => {
    const scopes = new Set(SCOPES.map((s) => s.scope));
    for (const b of BINDINGS) expect(scopes.has(b.scope), b.command).toBe(true);
    for (const s of scopes) {
      const keys = BINDINGS.filter((b) => b.scope === s).flatMap((b) => b.keys.map((k) => `${k}=${b.command}`));
      const byKey = new Map<string, Set<string>>();
      for (const kc of keys) {
        const [k, c] = kc.split('=') as [string, string];
        byKey.set(k, (byKey.get(k) ?? new Set()).add(c));
      }
      for (const [k, cs] of byKey) expect(cs.size, `${s}: ${k}`).toBe(1);
    }
  });

  it('builds the help from the bindings, without actions for those who cannot act', () => {
    const all = helpSections(['tasks', 'list', 'global'], { actions: true });
    expect(all.map((s) => s.title)).toEqual(['Everywhere', 'Lists', 'Tasks']);
    const rows = all.flatMap((s) => s.rows.map((r) => r.description));
    for (const b of BINDINGS.filter((b) => ['tasks', 'list', 'global'].includes(b.scope))) expect(rows).toContain(b.description);
    const viewer = helpSections(['tasks', 'list', 'global'], { actions: false }).flatMap((s) => s.rows.map((r) => r.description));
    expect(viewer.some((d) => d.startsWith('cancel'))).toBe(false);
  });

  it('footer hints put the top layer first and list each key once', () => {
    const hints = footerHints(['tasks', 'list', 'global', 'task-cancellable'], { actions: true });
    expect(hints[0]).toMatchObject({ keys: 'c', description: 'cancel' });
    expect(hints.filter((h) => h.keys === 'Enter')).toHaveLength(1);
  });

  it('offers a binding with `when` only while a screen names that scope (c on a row it can cancel)', () => {
    expect(footerHints(['tasks', 'list', 'global'], { actions: true }).map((h) => h.keys)).not.toContain('c');
    expect(footerHints(['tasks', 'list', 'global', 'task-cancellable'], { actions: true }).map((h) => h.keys)).toContain('c');
  });

  it('renders the README key table from the same data', () => {
    const md = keymapMarkdown();
    for (const s of SCOPES) if (BINDINGS.some((b) => b.scope === s.scope)) expect(md).toContain(`### ${s.title}`);
    for (const b of BINDINGS) expect(md).toContain(b.description);
    expect(md).toContain('| `PgDn` `Ctrl-f` | next page |');
    expect(md).toContain('| `1-9` | go to screen by number |');
    expect(bindingKeys(BINDINGS.find((b) => b.command === 'list.down')!)).toBe('j ↓');
  });

  it('packs help sections into columns no taller than the space', () => {
    const cols = helpColumns(
      helpSections(
        SCOPES.map((s) => s.scope),
        { actions: true },
      ),
      20,
    );
    for (const col of cols) expect(columnLines(col)).toBeLessThanOrEqual(20);
  });
});

describe('typing into a line', () => {
  const press = (input: string, over: Partial<Key> = {}) => ({ name: keyName(input, key(over)), input, key: key(over) });
  it('appends text and pastes whole, deletes with Backspace, clears with Ctrl-u, ignores other keys', () => {
    expect(editText('sta', press('t'))).toBe('stat');
    expect(editText('a', press('b c'))).toBe('ab c');
    expect(editText('abc', press('', { backspace: true }))).toBe('ab');
    expect(editText('one two', press('w', { ctrl: true }))).toBe('one ');
    expect(editText('abc', press('u', { ctrl: true }))).toBe('');
    expect(editText('abc', press('', { return: true }))).toBeNull();
    expect(editText('abc', press('', { upArrow: true }))).toBeNull();
    expect(editText('a', press('\u0007'))).toBeNull();
  });
});

describe('palette items', () => {
  it('match title, id or number', () => {
    const items = [
      { id: 'tasks', title: 'Tasks', number: 2 },
      { id: 'sessions', title: 'Sessions', number: 3 },
    ];
    expect(filterPaletteItems(items, 'SES').map((i) => i.id)).toEqual(['sessions']);
    expect(filterPaletteItems(items, '2').map((i) => i.id)).toEqual(['tasks']);
    expect(filterPaletteItems(items, '')).toHaveLength(2);
  });
});
