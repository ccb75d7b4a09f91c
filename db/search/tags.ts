import type { DatabaseShape } from '../shape.js';
import { backfilledExtra } from './backfill.js';

export const TAGS_TABLE = 'prompt_history_tags';
/** Prompts per tag, kept by triggers on the side table: `--tags` reads a few rows, not millions. */
export const TAG_COUNTS_TABLE = 'prompt_history_tags_counts';
const TRIGGERS = ['prompt_history_tags_ai', 'prompt_history_tags_au', 'prompt_history_tags_ad', 'prompt_history_tags_counts_ai', 'prompt_history_tags_counts_ad'] as const;

/**
 * The tags JSON of `column` when it is a valid array, else NULL (json_each(NULL) yields nothing).
 * Nested CASE because SQLite may evaluate both sides of AND, and json_type raises on bad JSON.
 */
export const tagArray = (column: string): string => `CASE WHEN json_valid(${column}) THEN CASE json_type(${column}) WHEN 'array' THEN ${column} END END`;

/** Distinct text elements only, so a trigger never meets a duplicate key, whatever the outer conflict policy. */
const tagsOf = (row: string): string => `SELECT DISTINCT ${row}.id, j.value FROM json_each(${tagArray(`${row}.tags`)}) j WHERE j.type = 'text'`;

const SETUP = `
CREATE TABLE IF NOT EXISTS ${TAGS_TABLE} (
  prompt_id INTEGER NOT NULL,
  tag TEXT NOT NULL,
  PRIMARY KEY (prompt_id, tag)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS idx_prompt_history_tags_tag ON ${TAGS_TABLE} (tag, prompt_id);
CREATE TABLE IF NOT EXISTS ${TAG_COUNTS_TABLE} (
  tag TEXT NOT NULL PRIMARY KEY,
  count INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
-- Insert-if-missing then update: no statement here can meet a conflict, whatever the outer policy.
CREATE TRIGGER IF NOT EXISTS prompt_history_tags_counts_ai AFTER INSERT ON ${TAGS_TABLE}
BEGIN
  INSERT INTO ${TAG_COUNTS_TABLE} (tag) SELECT new.tag WHERE NOT EXISTS (SELECT 1 FROM ${TAG_COUNTS_TABLE} WHERE tag = new.tag);
  UPDATE ${TAG_COUNTS_TABLE} SET count = count + 1 WHERE tag = new.tag;
END;
CREATE TRIGGER IF NOT EXISTS prompt_history_tags_counts_ad AFTER DELETE ON ${TAGS_TABLE}
BEGIN UPDATE ${TAG_COUNTS_TABLE} SET count = count - 1 WHERE tag = old.tag; END;
-- Counted afresh from the rows already copied (a file whose side table predates the counts),
-- in the same transaction that creates the count triggers, so the two never disagree.
DELETE FROM ${TAG_COUNTS_TABLE};
INSERT INTO ${TAG_COUNTS_TABLE} (tag, count) SELECT tag, count(*) FROM ${TAGS_TABLE} GROUP BY tag;
CREATE TRIGGER IF NOT EXISTS prompt_history_tags_ad AFTER DELETE ON prompt_history
BEGIN DELETE FROM ${TAGS_TABLE} WHERE prompt_id = old.id; END;
CREATE TRIGGER IF NOT EXISTS prompt_history_tags_au AFTER UPDATE OF tags, id ON prompt_history
BEGIN
  DELETE FROM ${TAGS_TABLE} WHERE prompt_id = old.id;
  INSERT OR IGNORE INTO ${TAGS_TABLE} (prompt_id, tag) ${tagsOf('new')};
END;
`;

// Created last, in the transaction that finds nothing left to copy: its presence means "complete".
const FINISH = `CREATE TRIGGER IF NOT EXISTS prompt_history_tags_ai AFTER INSERT ON prompt_history
BEGIN INSERT OR IGNORE INTO ${TAGS_TABLE} (prompt_id, tag) ${tagsOf('new')}; END;`;

const COPY = `
INSERT OR IGNORE INTO ${TAGS_TABLE} (prompt_id, tag)
SELECT p.id, j.value FROM prompt_history p, json_each(${tagArray('p.tags')}) j
WHERE p.id > ? AND p.id <= ? AND j.type = 'text'`;

/** Whether the tag side table exists and its backfill finished. */
export function tagsReady(shape: DatabaseShape): boolean {
  return shape.tables.has(TAGS_TABLE) && shape.tables.has(TAG_COUNTS_TABLE) && TRIGGERS.every((t) => shape.triggers.has(t));
}

export const promptTagsExtra = backfilledExtra({
  name: TAGS_TABLE,
  description: 'tag side table of prompt_history with an index on (tag, prompt_id) and counts per tag, kept by triggers: fast `history --tag` and `--tags`',
  isPresent: tagsReady,
  setup: SETUP,
  finish: FINISH,
  batchSize: 20_000,
  copier: (sqlite) => {
    const copy = sqlite.prepare<[number, number]>(COPY);
    return (lo, hi) => copy.run(lo, hi);
  },
});
