import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import stringWidth from 'string-width';
import { openDatabase, type Connection } from '../../db/connection.js';
import { generateDemo } from '../../src/demo/generate.js';
import { helpSections } from '../../src/keymap/keymap.js';
import { screensSection } from '../../src/app/HelpLayer.js';
import { numberedScreens } from '../../src/app/screens.js';
import { startConsole, KEYS } from './driver.js';

// Every screen, the help, the palette and a dialog at the stated minimum, the usual and a large size:
// no line wider than the terminal, no frame taller than rows-1, nothing drawn over anything else.
const SIZES = [
  [60, 15],
  [80, 24],
  [120, 40],
] as const;

let dir = '';
let conn: Connection;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bematic-sizes-'));
  const path = join(dir, 'demo.db');
  generateDemo(path, { scale: 0.002, seed: 7, now: Date.now() });
  conn = openDatabase({ path });
  return () => {
    conn.close();
    rmSync(dir, { recursive: true, force: true });
  };
});

let stop: (() => void) | undefined;
afterEach(() => stop?.());

function expectFitsSize(frame: string, columns: number, rows: number, what: string): void {
  const lines = frame.split('\n');
  expect(lines.length, `${what}: lines`).toBeLessThanOrEqual(rows - 1);
  for (const l of lines) expect(stringWidth(l), `${what}: ${l}`).toBeLessThanOrEqual(columns);
}

const LISTED = /\d+-\d+ of \d+|No \w+/;

/** The column that names a row: columns of less use are left out before it is cut. */
const IDENTITY: Record<string, { header: string; text: RegExp }> = {
  tasks: { header: 'Prompt', text: /\w+: \w{3,}/ },
  sessions: { header: 'Agent', text: /agent-[\w-]{3,}/ },
  projects: { header: 'Name', text: /^> [a-z][a-z-]+[a-z] /m },
  'api-keys': { header: 'Agent', text: /^> agent-[a-z0-9-]+[a-z0-9] /m },
};

describe.each(SIZES)('at %ix%i', (columns, rows) => {
  it('the dashboard shows each panel title once, in order, and fits', async () => {
    const c = await startConsole(conn, { columns, rows });
    stop = c.unmount;
    const f = await c.waitFor((x) => x.includes('Latest audit events') && !x.includes('counting…'));
    expectFitsSize(f, columns, rows, 'dashboard');
    const titles = ['Tasks by status', 'Running now', 'Tokens and cost', 'Schedules', 'Latest audit events'];
    let at = -1;
    for (const t of titles) {
      expect(f.split(t).length - 1, t).toBe(1);
      const i = f.indexOf(t);
      expect(i, `${t} after the one before`).toBeGreaterThan(at);
      at = t === 'Running now' || t === 'Schedules' ? at : i; // the right-hand panels share a line with the left
    }
    expect(f.indexOf('Tokens and cost')).toBeGreaterThan(f.indexOf('Running now'));
    expect(f.indexOf('Latest audit events')).toBeGreaterThan(f.indexOf('Schedules'));
    // each status line keeps its label, bar and count whole (none drawn over another)
    for (const l of f.split('\n').filter((x) => /█|░/.test(x))) expect(l).toMatch(/^(completed|failed|cancelled|pending|queued|running)\s+█+░*\s+\d/);
  });

  it('every numbered screen and its help fit; the help shows every binding, in pages when needed', async () => {
    const c = await startConsole(conn, { columns, rows });
    stop = c.unmount;
    await c.waitFor('Latest audit events');
    for (const s of numberedScreens().filter((x) => x.id !== 'dashboard')) {
      await c.press(String(s.number));
      const f = await c.waitFor((x) => x.split('\n')[1]!.startsWith(s.title) && LISTED.test(x));
      expectFitsSize(f, columns, rows, s.title);
      const id = IDENTITY[s.id];
      if (id) {
        const header = f.split('\n')[3]!;
        expect(header, `${s.title} header`).toMatch(new RegExp(`(^| )[↑↓]?${id.header}( |$)`));
        expect(f, `${s.title} rows name themselves`).toMatch(id.text);
        expect(header.trimEnd().endsWith('…'), `${s.title}: no column cut in the header`).toBe(false);
      }
      // the help, page by page
      let help = await c.press('?', 'Keys');
      const pages = [help];
      const count = Number(/Keys \d+\/(\d+)/.exec(help)?.[1] ?? 1);
      for (let p = 2; p <= count; p++) {
        help = await c.press(KEYS.pageDown, `Keys ${p}/${count}`);
        pages.push(help);
      }
      for (const page of pages) expectFitsSize(page, columns, rows, `${s.title} help`);
      const all = pages.join('\n');
      const scopes = ['global', 'list', s.id];
      for (const section of [...helpSections(scopes, { actions: true, admin: true }), screensSection()]) {
        for (const r of section.rows) {
          const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          expect(all, `${s.title} help: ${r.keys} ${r.description}`).toMatch(new RegExp(`(^|[│ ])${esc(r.keys)} +${esc(r.description.slice(0, Math.min(6, r.description.length)))}`, 'm'));
        }
      }
      await c.press(KEYS.esc, s.title);
    }
  }, 60_000);

  it('the palette shows every screen (or scrolls to it), and fits', async () => {
    const c = await startConsole(conn, { columns, rows });
    stop = c.unmount;
    await c.waitFor('Latest audit events');
    let f = await c.press(':', 'screen name or number');
    expectFitsSize(f, columns, rows, 'palette');
    const seen = new Set<string>();
    const screens = numberedScreens();
    for (let i = 0; i < screens.length; i++) {
      for (const s of screens) if (f.includes(`${s.number} ${s.title}`)) seen.add(s.id);
      if (i < screens.length - 1) f = await c.press(KEYS.down);
      expectFitsSize(f, columns, rows, 'palette');
    }
    expect([...seen].sort()).toEqual(screens.map((s) => s.id).sort());
  });

  it('a confirmation dialog fits and shows its question and both answers', async () => {
    const c = await startConsole(conn, { columns, rows });
    stop = c.unmount;
    await c.waitFor('Latest audit events');
    await c.press('2');
    await c.waitFor((x) => LISTED.test(x) && x.includes('c cancel'));
    const f = await c.press('c', 'Yes (y)');
    expectFitsSize(f, columns, rows, 'dialog');
    expect(f).toContain('No (n)');
    await c.press('n', 'c cancel');
    // and the detail it opens
    const d = await c.press(KEYS.enter, 'Tasks › Task');
    expectFitsSize(d, columns, rows, 'task detail');
  });
});
