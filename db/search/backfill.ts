import type Database from 'better-sqlite3';
import type { ExtraObject } from '../migrate/extras.js';

export interface BackfillPlan {
  /** the table copied, and its integer key walked in batches: prompt_history's id by default */
  readonly table?: string;
  readonly key?: string;
  /** copies the rows with lo < id <= hi into the search object */
  readonly copy: (lo: number, hi: number) => void;
  /** the id up to which rows are already copied (a resumed or repeated run); 0 by default */
  readonly start?: () => number;
  /** rows per transaction: each must stay well under the service's 5 s busy timeout */
  readonly batchSize: number;
  /** runs in the same transaction that finds no rows left (creates the insert trigger) */
  readonly finish: () => void;
}

/**
 * Copies a table (prompt_history, tasks) into a search object in ascending key batches of short IMMEDIATE
 * transactions, then finishes atomically once no rows remain, so rows inserted meanwhile are
 * either copied by a later batch or indexed by the trigger that `finish` creates.
 */
export function backfillInBatches(sqlite: Database.Database, plan: BackfillPlan, progress: (done: number, total: number) => void): void {
  const table = `"${plan.table ?? 'prompt_history'}"`;
  const key = plan.key ?? 'id';
  const total = (sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) ?? 0;
  const nextHi = sqlite.prepare<[number, number]>(`SELECT max(k) FROM (SELECT ${key} AS k FROM ${table} WHERE ${key} > ? ORDER BY ${key} LIMIT ?)`).pluck();
  const countIn = sqlite.prepare<[number, number]>(`SELECT count(*) FROM ${table} WHERE ${key} > ? AND ${key} <= ?`).pluck();
  let lo = plan.start?.() ?? 0;
  let done = 0;
  progress(0, total);
  for (;;) {
    const step = sqlite.transaction((): number | null => {
      const hi = nextHi.get(lo, plan.batchSize) as number | null;
      if (hi === null) {
        plan.finish();
        return null;
      }
      plan.copy(lo, hi);
      done += countIn.get(lo, hi) as number;
      return hi;
    });
    const hi = step.immediate();
    if (hi === null) break;
    lo = hi;
    progress(done, Math.max(total, done));
  }
  progress(Math.max(total, done), Math.max(total, done));
}

/** A search object built in three steps: DDL in one transaction, batched backfill, then `finish`. */
export interface BackfilledObject extends Omit<ExtraObject, 'apply' | 'requires'> {
  /** the table indexed (prompt_history by default) and its integer key (id; `rowid` for tasks) */
  readonly table?: string;
  readonly key?: string;
  /** tables, triggers for updates and deletes: everything but the insert trigger */
  readonly setup: string;
  /** the insert trigger, created in the transaction that finds nothing left to copy */
  readonly finish: string;
  readonly batchSize: number;
  /** prepares the batch copy on this connection */
  copier(sqlite: Database.Database): BackfillPlan['copy'];
  /** where a resumed run starts (see BackfillPlan.start) */
  start?(sqlite: Database.Database): number;
}

export function backfilledExtra(def: BackfilledObject): ExtraObject {
  return {
    name: def.name,
    description: def.description,
    requires: [def.table ?? 'prompt_history'],
    isPresent: def.isPresent,
    apply(sqlite, progress) {
      sqlite.transaction(() => sqlite.exec(def.setup)).immediate();
      const plan: BackfillPlan = {
        table: def.table,
        key: def.key,
        copy: def.copier(sqlite),
        start: def.start && (() => def.start!(sqlite)),
        batchSize: def.batchSize,
        finish: () => sqlite.exec(def.finish),
      };
      backfillInBatches(sqlite, plan, progress);
    },
  };
}
