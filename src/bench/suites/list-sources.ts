import type Database from 'better-sqlite3';
import type { DB } from '../../../db/connection.js';
import type { ListSource, KeysetCursor } from '../../../db/views/keyset.js';
import { taskListSource } from '../../../db/views/tasks.js';
import { sessionListSource } from '../../../db/views/sessions.js';
import { PromptHistoryRepository } from '../../../db/repositories/prompt-history.js';
import type { PromptHistoryRow } from '../../../db/types.js';
import type { CapturedStatement } from '../bare-job.js';

/** A list the screens page through, with the filters the bench applies to it. */
export interface BenchList {
  readonly name: string;
  readonly table: string;
  readonly source: (db: DB) => ListSource<unknown>;
  readonly filters: readonly { readonly name: string; readonly source: (db: DB) => ListSource<unknown> }[];
  /** the cursor of the row at `offset` in list order (setup only, not measured) */
  readonly cursorAt: (sqlite: Database.Database, offset: number) => KeysetCursor | undefined;
  /** the service's page at `offset`: its SELECT with OFFSET and no console index */
  readonly servicePage: (offset: number, limit: number) => CapturedStatement;
}

const all = (sql: string, params: unknown[]): CapturedStatement => ({ sql, params, method: 'all', mode: 'plain' });

const byCreated =
  (table: string) =>
  (sqlite: Database.Database, offset: number): KeysetCursor | undefined =>
    sqlite.prepare(`SELECT created_at AS key, id FROM "${table}" ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?`).get(offset) as KeysetCursor | undefined;

/** The prompts list as the prompts screen reads it: the repository's keyset pages, newest first. */
function promptSource(db: DB, filters: { status?: string; search?: string } = {}): ListSource<unknown> {
  const repo = new PromptHistoryRepository(db);
  const cursorOf = (r: PromptHistoryRow): KeysetCursor => ({ key: r.id, id: r.id });
  return {
    page(req, limit) {
      if (req.kind === 'first') return repo.findAll({ ...filters, limit });
      if (req.kind === 'after') return repo.findAll({ ...filters, limit, beforeId: Number(req.cursor.id) });
      throw new Error(`the prompt list has no ${req.kind} page in the repository`);
    },
    cursorOf: (r) => cursorOf(r as PromptHistoryRow),
    idOf: (r) => (r as PromptHistoryRow).id,
    counter: { maxRowid: () => 0, countRange: () => 0 },
    unfiltered: !filters.status && !filters.search,
  };
}

export const BENCH_LISTS: readonly BenchList[] = [
  {
    name: 'tasks',
    table: 'tasks',
    source: (db) => taskListSource(db, {}),
    filters: [
      { name: 'status:failed', source: (db) => taskListSource(db, { status: ['failed'] }) },
      { name: 'text "billing" (common)', source: (db) => taskListSource(db, { text: 'billing' }) },
      { name: 'text "kubernetes" (no match)', source: (db) => taskListSource(db, { text: 'kubernetes' }) },
    ],
    cursorAt: byCreated('tasks'),
    servicePage: (offset, limit) => all('SELECT * FROM tasks NOT INDEXED ORDER BY created_at DESC LIMIT ? OFFSET ?', [limit, offset]),
  },
  {
    name: 'sessions',
    table: 'sessions',
    source: (db) => sessionListSource(db, {}),
    filters: [{ name: 'status:active', source: (db) => sessionListSource(db, { status: 'active' }) }],
    cursorAt: byCreated('sessions'),
    servicePage: (offset, limit) => all('SELECT * FROM sessions NOT INDEXED ORDER BY created_at DESC LIMIT ? OFFSET ?', [limit, offset]),
  },
  {
    name: 'prompts',
    table: 'prompt_history',
    source: (db) => promptSource(db),
    filters: [
      { name: 'status:failed', source: (db) => promptSource(db, { status: 'failed' }) },
      { name: 'search "billing"', source: (db) => promptSource(db, { search: 'billing' }) },
    ],
    cursorAt: (sqlite, offset) => {
      const id = sqlite.prepare('SELECT id FROM prompt_history ORDER BY id DESC LIMIT 1 OFFSET ?').pluck().get(offset) as number | undefined;
      return id === undefined ? undefined : { key: id, id };
    },
    servicePage: (offset, limit) => all('SELECT * FROM prompt_history NOT INDEXED ORDER BY timestamp DESC LIMIT ? OFFSET ?', [limit, offset]),
  },
];
