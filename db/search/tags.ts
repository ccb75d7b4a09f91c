import type Database from 'better-sqlite3';
import type { ExtraObject } from '../migrate/extras.js';
import type { DatabaseShape } from '../shape.js';
import { backfillInBatches } from './backfill.js';

export const TAGS_TABLE = 'prompt_history_tags';
const TRIGGERS = ['prompt_history_tags_ai', 'prompt_history_tags_au', 'prompt_history_tags_ad'] as const;

/**
 * The tags JSON of `column` when it is a valid array, else NULL (json_each(NULL) yields nothing).
 * Nested CASE because SQLite may evaluate both sides of AND, and json_type raises on bad JSON.
 */
export const tagArray = (column: string): string =>
  `CASE WHEN json_valid(${column}) THEN CASE json_type(${column}) WHEN 'array' THEN ${column} END END`;

/** Distinct text elements only, so a trigger never meets a duplicate key, whatever the outer conflict policy. */
const tagsOf = (row: string): string =>
  `SELECT DISTINCT ${row}.id, j.value FROM json_each(${tagArray(`${row}.tags`)}) j WHERE j.type = 'text'`;

const SETUP = `
CREATE TABLE IF NOT EXISTS ${TAGS_TABLE} (
  prompt_id INTEGER NOT NULL,
  tag TEXT NOT NULL,
  PRIMARY KEY (prompt_id, tag)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS idx_prompt_history_tags_tag ON ${TAGS_TABLE} (tag, prompt_id);
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
  return shape.tables.has(TAGS_TABLE) && TRIGGERS.every((t) => shape.triggers.has(t));
}

export const promptTagsExtra: ExtraObject = {
  name: TAGS_TABLE,
  description: 'tag side table of prompt_history with an index on (tag, prompt_id), kept by triggers: fast `history --tag` and `--tags`',
  requires: ['prompt_history'],
  isPresent: tagsReady,
  apply(sqlite: Database.Database, progress: (done: number, total: number) => void): void {
    sqlite.transaction(() => sqlite.exec(SETUP)).immediate();
    backfillInBatches(sqlite, { copy: sqlite.prepare(COPY), batchSize: 20000, finish: () => sqlite.exec(FINISH) }, progress);
  },
};
