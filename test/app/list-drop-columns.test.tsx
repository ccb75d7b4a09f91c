import { describe, it, expect, afterEach } from 'vitest';
import stringWidth from 'string-width';
import { demoConnection } from './demo-console.js';
import { startConsole } from './driver.js';

// Users, Schedules, Prompts and Audit at narrow widths: columns of less use are left out (their drop
// ranks) so the columns kept show whole, instead of the line being cut at the terminal's edge.

const conn = demoConnection('drop', 0.002, 7);

let stop: (() => void) | undefined;
afterEach(() => stop?.());

/** the list's rows are read (the total may still be an estimate, ~) */
const LISTED = /\d+-\d+ of ~?[\d,]+|No \w+/;

interface ListCase {
  readonly key: string;
  readonly title: string;
  /** the headers that must always show, left to right */
  readonly kept: readonly string[];
  /** a row as it must read: the kept columns whole */
  readonly row: RegExp;
  /** the last kept column shows at least this many characters on its longest row */
  readonly lastWidth?: number;
}

const LISTS: readonly ListCase[] = [
  // name, role, active whole
  { key: '4', title: 'Users', kept: ['User', 'Role', 'Active'], row: /^[> ] [a-z][\w.]+ +U\w+ +(admin|developer|viewer) +(yes|no) /m },
  // owner and status whole, then at least a few words of the prompt
  { key: '6', title: 'Schedules', kept: ['Owner', 'Status', 'Prompt'], row: / (active|pending|paused|cancelled|completed|failed) +.*[A-Z][a-z]+ [a-z]+ /m },
  // the id, the status and at least 20 characters of the prompt
  { key: '7', title: 'Prompts', kept: ['#', 'Status', 'Prompt'], row: /^[> ] +\d+ .*(completed|pending|failed|cancelled|running) /m, lastWidth: 20 },
  // time and action whole
  { key: '8', title: 'Audit log', kept: ['Time', 'Action', 'User'], row: /^[> ] [↓↑]?\S+( \d\d:\d\d)? +[a-z_.:-]+ +[\w.-]+/m },
];

describe.each([
  [60, 15],
  [80, 24],
  [120, 32],
] as const)('at %ix%i', (columns, rows) => {
  it.each(LISTS.map((l) => [l.title, l] as const))('%s keeps its naming columns whole', async (_title, l) => {
    const c = await startConsole(conn(), { columns, rows });
    stop = c.unmount;
    await c.waitFor('Latest audit events', 15_000);
    await c.tap(l.key);
    // the first screen of a file on a busy machine may take a while: a longer wait, not a looser check
    const f = await c.waitFor((x) => x.split('\n')[1]!.startsWith(l.title) && LISTED.test(x), 15_000);
    const lines = f.split('\n');
    const header = lines[3]!;
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
    // every header shown is whole: nothing cut at the edge
    expect(header, 'header').not.toContain('…');
    let at = -1;
    for (const h of l.kept) {
      const i = header.search(new RegExp(`(^| )[↑↓]?${h.replace(/[#]/g, '\\$&')}( |$)`));
      expect(i, `${l.title} at ${columns}: ${h} in ${header}`).toBeGreaterThan(at);
      at = i;
    }
    // the rows' text stops inside the terminal: the last column's header is shown, so no row is cut at the edge
    const rowsShown = lines.slice(4, -1).filter((x) => x.trim() !== '');
    expect(rowsShown.length).toBeGreaterThan(0);
    expect(f, `${l.title} at ${columns}: a row with its naming columns whole`).toMatch(l.row);
    if (l.lastWidth) {
      const from = header.indexOf(l.kept[l.kept.length - 1]!);
      const widest = Math.max(...rowsShown.map((x) => x.trimEnd().length - from));
      expect(widest, `${l.title} at ${columns}: ${l.kept[l.kept.length - 1]} column width`).toBeGreaterThanOrEqual(l.lastWidth);
    }
  });
});
