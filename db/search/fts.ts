import type { DatabaseShape } from '../shape.js';
import { backfilledExtra } from './backfill.js';
import { FTS_FOLDS_DIFFERENTLY, foldCase } from './fold.js';

export const FTS_TABLE = 'prompt_history_fts';
const TRIGGERS = ['prompt_history_fts_ai', 'prompt_history_fts_au', 'prompt_history_fts_ad'] as const;

/** A trigram phrase finds substrings only from 3 characters on; shorter queries scan. */
export const FTS_MIN_QUERY_LENGTH = 3;

/** Only a row the index holds may be deleted from it: FTS5 would corrupt on a stray 'delete'. */
const INDEXED_OLD = `EXISTS (SELECT 1 FROM ${FTS_TABLE}_docsize WHERE id = old.id)`;
const DELETE_OLD = `INSERT INTO ${FTS_TABLE}(${FTS_TABLE}, rowid, prompt, context) VALUES ('delete', old.id, old.prompt, old.context);`;
const INSERT_NEW = `INSERT INTO ${FTS_TABLE}(rowid, prompt, context) VALUES (new.id, new.prompt, new.context);`;

const SETUP = `
CREATE VIRTUAL TABLE IF NOT EXISTS ${FTS_TABLE} USING fts5(
  prompt, context, content='prompt_history', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER IF NOT EXISTS prompt_history_fts_ad AFTER DELETE ON prompt_history
WHEN ${INDEXED_OLD}
BEGIN ${DELETE_OLD} END;
CREATE TRIGGER IF NOT EXISTS prompt_history_fts_au AFTER UPDATE OF prompt, context, id ON prompt_history
WHEN ${INDEXED_OLD} AND (old.prompt IS NOT new.prompt OR old.context IS NOT new.context OR old.id IS NOT new.id)
BEGIN ${DELETE_OLD} ${INSERT_NEW} END;
`;

// Created last, in the transaction that finds nothing left to copy: its presence means "complete".
const FINISH = `CREATE TRIGGER IF NOT EXISTS prompt_history_fts_ai AFTER INSERT ON prompt_history BEGIN ${INSERT_NEW} END;`;

const COPY = `
INSERT INTO ${FTS_TABLE}(rowid, prompt, context)
SELECT p.id, p.prompt, p.context FROM prompt_history p
WHERE p.id > ? AND p.id <= ? AND NOT EXISTS (SELECT 1 FROM ${FTS_TABLE}_docsize d WHERE d.id = p.id)`;

/** Whether the full-text index exists and its backfill finished (searches may use it). */
export function ftsReady(shape: DatabaseShape): boolean {
  return shape.tables.has(FTS_TABLE) && TRIGGERS.every((t) => shape.triggers.has(t));
}

/** Literal text as one quoted FTS5 string (a phrase, or a single trigram), inner quotes doubled; see trigrams.ts for the MATCH argument. */
export const ftsPhrase = (query: string): string => `"${query.replaceAll('"', '""')}"`;

/** Also not for a query holding a character the index folds otherwise than foldCase (fold.ts): it scans. */
export const canUseFts = (shape: DatabaseShape, query: string): boolean => ftsReady(shape) && trigramIndexServes(query);

/** Whether a trigram index (this one, or the tasks' one) can find every row a scan for `query` finds. */
export const trigramIndexServes = (query: string): boolean => {
  const folded = foldCase(query);
  return [...folded].length >= FTS_MIN_QUERY_LENGTH && !FTS_FOLDS_DIFFERENTLY.test(folded);
};

export const promptFtsExtra = backfilledExtra({
  name: FTS_TABLE,
  description: 'full-text index (FTS5 trigram) on prompt_history prompt and context, kept by triggers: fast `history --search`',
  isPresent: ftsReady,
  setup: SETUP,
  finish: FINISH,
  batchSize: 5000,
  copier: (sqlite) => {
    const copy = sqlite.prepare<[number, number]>(COPY);
    return (lo, hi) => copy.run(lo, hi);
  },
});
