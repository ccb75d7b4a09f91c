import { openDatabase, type Connection } from '../../../db/connection.js';
import { rowKey } from '../result.js';
import { median } from '../stats.js';
import { listOps, type ListOp } from './queries.js';

/** Calls of each read before any is timed: V8 optimizes a path only after a few dozen calls (queries.ts). */
const WARM_CALLS = 30;
/** Per read, per scale, per round: untimed calls (its pages back in the connection's cache), then timed ones. */
const SETTLE_CALLS = 2;
const TIMED_CALLS = 3;

/**
 * The lists' page reads at every scale, timed with the scales in alternation: each round visits
 * every file (in a rotating order) and times each read a few calls there. Timed one scale after
 * the other, minutes apart, the same warm read differed by 2-3x between runs on this shared
 * two-core machine (0.56-1.48 ms for one page), which the growth table read as growth; in
 * alternation a change of load weighs on every scale alike. Medians by scale, then by row key.
 */
export function alternatedLists(files: readonly { scale: number; db: string }[], rounds: number, log: (line: string) => void): Map<number, Map<string, number>> {
  log(`  list pages, scales ${files.map((f) => f.scale).join(', ')} in alternation`);
  const conns: Connection[] = [];
  try {
    const byScale = files.map((f) => {
      const conn = openDatabase({ path: f.db });
      conns.push(conn);
      return { scale: f.scale, ops: listOps(conn.db), samples: new Map<string, number[]>() };
    });
    for (const s of byScale) for (const op of s.ops) for (let i = 0; i < WARM_CALLS; i++) op.fn();
    const time = (op: ListOp, into: Map<string, number[]>): void => {
      for (let i = 0; i < SETTLE_CALLS; i++) op.fn();
      const key = rowKey(op);
      const out = into.get(key) ?? [];
      for (let i = 0; i < TIMED_CALLS; i++) {
        const t = performance.now();
        op.fn();
        out.push(performance.now() - t);
      }
      into.set(key, out);
    };
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < byScale.length; i++) {
        const s = byScale[(r + i) % byScale.length]!;
        for (const op of s.ops) time(op, s.samples);
      }
    }
    return new Map(byScale.map((s) => [s.scale, new Map([...s.samples].map(([k, v]) => [k, median(v)]))]));
  } finally {
    for (const c of conns) c.close();
  }
}
