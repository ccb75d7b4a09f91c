import type { DatabaseShape } from '../shape.js';
import { backfilledExtra } from './backfill.js';

/**
 * Counts and duration sums per (status, category, day), kept by triggers: `history --stats`
 * reads a few thousand rows instead of every prompt. Categories are stored '-' (none) or
 * '+name', so NULL and every real name stay distinct in a NOT NULL key.
 */
export const ROLLUP_TABLE = 'prompt_history_rollup';
const STATE_TABLE = 'prompt_history_rollup_state';
const TRIGGERS = ['prompt_history_rollup_ai', 'prompt_history_rollup_au', 'prompt_history_rollup_ad'] as const;
const ALL_COUNTED = '9223372036854775807';

const key = (r: string): string => `coalesce(${r}.execution_status, ''), CASE WHEN ${r}.category IS NULL THEN '-' ELSE '+' || ${r}.category END, coalesce(substr(${r}.timestamp, 1, 10), '')`;

const both = (r: string): string => `${r}.estimated_duration_minutes IS NOT NULL AND ${r}.actual_duration_minutes IS NOT NULL`;

/** Adds (sign +) or removes (sign -) one row's share; two statements that cannot conflict or raise. */
const apply = (r: string, sign: '+' | '-'): string => `
  INSERT INTO ${ROLLUP_TABLE} (status, category, day) SELECT ${key(r)}
    WHERE NOT EXISTS (SELECT 1 FROM ${ROLLUP_TABLE} WHERE (status, category, day) = (${key(r)}));
  UPDATE ${ROLLUP_TABLE} SET
    count = count ${sign} 1,
    actual_sum = actual_sum ${sign} ifnull(${r}.actual_duration_minutes, 0),
    actual_count = actual_count ${sign} (${r}.actual_duration_minutes IS NOT NULL),
    paired_estimated = paired_estimated ${sign} (CASE WHEN ${both(r)} THEN ${r}.estimated_duration_minutes ELSE 0 END),
    paired_actual = paired_actual ${sign} (CASE WHEN ${both(r)} THEN ${r}.actual_duration_minutes ELSE 0 END),
    paired_count = paired_count ${sign} (${both(r)})
  WHERE (status, category, day) = (${key(r)});`;

// Rows above the watermark are not counted yet: the backfill counts them as they are then.
const COUNTED = (r: string): string => `${r}.id <= (SELECT counted_through FROM ${STATE_TABLE})`;

const SETUP = `
CREATE TABLE IF NOT EXISTS ${ROLLUP_TABLE} (
  status TEXT NOT NULL, category TEXT NOT NULL, day TEXT NOT NULL,
  count INTEGER NOT NULL DEFAULT 0,
  actual_sum INTEGER NOT NULL DEFAULT 0, actual_count INTEGER NOT NULL DEFAULT 0,
  paired_estimated INTEGER NOT NULL DEFAULT 0, paired_actual INTEGER NOT NULL DEFAULT 0, paired_count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (status, category, day)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ${STATE_TABLE} (id INTEGER PRIMARY KEY CHECK (id = 1), counted_through INTEGER NOT NULL);
INSERT OR IGNORE INTO ${STATE_TABLE} (id, counted_through) VALUES (1, 0);
CREATE TRIGGER IF NOT EXISTS prompt_history_rollup_ad AFTER DELETE ON prompt_history WHEN ${COUNTED('old')}
BEGIN ${apply('old', '-')} END;
CREATE TRIGGER IF NOT EXISTS prompt_history_rollup_au
AFTER UPDATE OF execution_status, category, timestamp, estimated_duration_minutes, actual_duration_minutes, id ON prompt_history
WHEN ${COUNTED('old')}
BEGIN ${apply('old', '-')} ${apply('new', '+')} END;
`;

// Created last, with everything counted: from then on every new row counts itself.
const FINISH = `
UPDATE ${STATE_TABLE} SET counted_through = ${ALL_COUNTED};
CREATE TRIGGER IF NOT EXISTS prompt_history_rollup_ai AFTER INSERT ON prompt_history BEGIN ${apply('new', '+')} END;`;

const COPY = `
INSERT INTO ${ROLLUP_TABLE} (status, category, day, count, actual_sum, actual_count, paired_estimated, paired_actual, paired_count)
SELECT ${key('p')}, count(*), sum(ifnull(p.actual_duration_minutes, 0)), count(p.actual_duration_minutes),
  sum(CASE WHEN ${both('p')} THEN p.estimated_duration_minutes ELSE 0 END),
  sum(CASE WHEN ${both('p')} THEN p.actual_duration_minutes ELSE 0 END),
  sum(${both('p')})
FROM prompt_history p WHERE p.id > ? AND p.id <= ? GROUP BY 1, 2, 3
ON CONFLICT (status, category, day) DO UPDATE SET
  count = count + excluded.count, actual_sum = actual_sum + excluded.actual_sum, actual_count = actual_count + excluded.actual_count,
  paired_estimated = paired_estimated + excluded.paired_estimated, paired_actual = paired_actual + excluded.paired_actual,
  paired_count = paired_count + excluded.paired_count`;

export function rollupReady(shape: DatabaseShape): boolean {
  return shape.tables.has(ROLLUP_TABLE) && shape.tables.has(STATE_TABLE) && TRIGGERS.every((t) => shape.triggers.has(t));
}

export const promptRollupExtra = backfilledExtra({
  name: ROLLUP_TABLE,
  description: 'counts and durations of prompt_history per status, category and day, kept by triggers: `history --stats` at any size',
  isPresent: rollupReady,
  setup: SETUP,
  finish: FINISH,
  batchSize: 5000,
  copier: (sqlite) => {
    const copy = sqlite.prepare<[number, number]>(COPY);
    const mark = sqlite.prepare<[number]>(`UPDATE ${STATE_TABLE} SET counted_through = ?`);
    return (lo, hi) => {
      copy.run(lo, hi);
      mark.run(hi);
    };
  },
  // A complete rollup holds the largest integer (beyond a JS number): it then starts past every id.
  start: (sqlite) => Math.min(Number(sqlite.prepare(`SELECT counted_through FROM ${STATE_TABLE}`).pluck().get() ?? 0), Number.MAX_SAFE_INTEGER),
});
