import { openDatabase } from '../../../db/connection.js';
import { SCREENS } from '../../app/screens.js';
import { countDone, hasListData, KEYS, mountConsole } from '../ink-harness.js';
import { inkFloor } from '../ink-floor.js';
import type { BenchOptions, BenchRow } from '../result.js';
import { median } from '../stats.js';
import { FRAME_MS } from './queries.js';

/** The list screens and a filter each understands; screens that land later join when registered. */
const LIST_SCREENS: readonly { id: string; filter?: string }[] = [{ id: 'tasks', filter: 'status:failed' }, { id: 'sessions', filter: 'status:active' }, { id: 'prompts' }, { id: 'audit' }];

const MOVES: readonly { work: string; key: string }[] = [
  { work: 'key j (next row)', key: 'j' },
  { work: 'key PgDn (next page)', key: KEYS.pageDown },
  { work: 'key End (last row)', key: KEYS.end },
  { work: 'key Home (first row)', key: KEYS.home },
];

/** How many times each mount presses the moves in turn (j, PgDn, End, Home, j, ...). */
const CYCLES = 5;
/** The first End of each mount, to a page not drawn before (its later ones return to it). */
const FIRST_END = 'key End, page not drawn before';

/** The list shows its last rows ("102-135 of 135"): PgDn has nowhere to go. */
const atLastPage = (frame: string): boolean => {
  const m = /\b[\d,]+-([\d,]+) of ([\d,]+)\b/.exec(frame);
  return m !== null && m[1] === m[2];
};

/** The frame that answers a filter's Enter: the filter applied (no longer being typed) and its page's position shown. */
const filteredPage =
  (filter: string) =>
  (frame: string): boolean =>
    frame.includes(`filter ${filter}`) && hasListData(frame);

const frameTarget = (ms: number): BenchRow['target'] => ({ text: `<= ${FRAME_MS} ms (one frame)`, met: ms <= FRAME_MS });
/** Issue 17: a move on a list at 1M rows within half a frame. */
export const KEY_MS = 8;
const keyTarget = (ms: number): BenchRow['target'] => ({ text: `<= ${KEY_MS} ms`, met: ms <= KEY_MS });

/**
 * First frame with data and key press to frame, on each list screen, drawn as at a terminal: Ink's
 * render() with the console's options (src/app/render-options.ts) on a TTY of 120x40, each frame
 * timed at the write that completes it. The floor of a key is Ink alone redrawing a screen of the
 * same lines with one line changed (ink-floor.ts), in the same run.
 */
export async function screensSuite(o: BenchOptions): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const present = LIST_SCREENS.filter((s) => SCREENS.some((e) => e.id === s.id));
  const conn = openDatabase({ path: o.db });
  try {
    for (const screen of present) {
      o.log(`  ${screen.id} screen`);
      const firsts: number[] = [];
      const presses = new Map<string, number[]>([...MOVES.map((m): [string, number[]] => [m.work, []]), [FIRST_END, []]]);
      const filters: number[] = [];
      const totals: number[] = [];
      let shown = '';
      for (let run = 0; run < Math.min(o.processRuns, 3) + 1; run++) {
        const app = mountConsole(conn, screen.id);
        try {
          const first = (await app.until(hasListData)) - app.started;
          if (run > 0) firsts.push(first); // the first mount warms module code and the page cache
          await app.until(countDone, 60_000);
          // each move several times per mount: a key's median is the steady state, not one press.
          // Ink keeps the lines it drew (patches/ink+6.8.0.patch), so a timed PgDn always goes to a
          // page not drawn before: the untimed ones first pass the pages earlier cycles drew. Home
          // and End return to pages drawn before, as an operator's do; the first End is kept apart.
          for (let cycle = 0; cycle < CYCLES; cycle++) {
            for (const m of MOVES) {
              if (m.key === KEYS.pageDown) for (let i = 0; i < cycle; i++) await app.nudge(m.key);
              // a small file (the tests' scale 0.01) has few pages: from its last one, PgDn and End
              // move nothing; Home first, and that cycle times no PgDn (its next page was drawn before)
              if ((m.key === KEYS.pageDown || m.key === KEYS.end) && atLastPage(app.frame())) {
                await app.nudge(KEYS.home);
                if (m.key === KEYS.pageDown) continue;
              }
              const ms = await app.press(m.key).catch((e: unknown) => {
                throw new Error(`${screen.id}, cycle ${cycle}, ${m.work}: ${e instanceof Error ? e.message : String(e)}`);
              });
              if (run > 0) presses.get(cycle === 0 && m.key === KEYS.end ? FIRST_END : m.work)!.push(ms);
            }
          }
          shown = app.frame();
          if (screen.filter) {
            await app.press('/');
            await app.type(screen.filter);
            // the answer is the first frame with the filtered page; its exact total follows when
            // the count's slices end (use-row-count.ts), a frame of its own, timed apart
            const ms = await app.press(KEYS.enter, filteredPage(screen.filter));
            const total = (await app.until(countDone, 60_000)) - app.keyAt();
            if (run > 0) {
              filters.push(ms);
              totals.push(total);
            }
          }
        } finally {
          app.unmount();
        }
      }
      const floor = median(await inkFloor(shown.split('\n'), 120, 40, MOVES.length * CYCLES * (Math.min(o.processRuns, 3) + 1)));
      const group = `${screen.id} screen (Ink at a terminal)`;
      rows.push({ group, work: 'first frame with data', console: median(firsts) });
      for (const work of [...MOVES.map((m) => m.work), FIRST_END]) {
        const ms = median(presses.get(work)!);
        rows.push({ group, work, floor, console: ms, target: keyTarget(ms) });
      }
      if (screen.filter) {
        rows.push({ group, work: `filter ${screen.filter} + Enter`, floor, console: median(filters), target: frameTarget(median(filters)) });
        rows.push({ group, work: `filter ${screen.filter} + Enter: its exact total on screen`, console: median(totals) });
      }
    }
  } finally {
    conn.close();
  }
  return rows;
}
