import { eq } from 'drizzle-orm';
import { BaseRepository } from './base.js';
import { withDefaults, assertWritable, currentShape } from '../tables.js';
import { nowIso } from '../time.js';
import { toJson } from '../json.js';
import type { SqlPart } from '../search/sql.js';
import type { PromptHistoryInsert, PromptHistoryRow } from '../types.js';
import { found } from './rows.js';
import { promptCountSql, promptListSql, promptRangeCountSql, promptSource, type PromptFilters, type PromptPage, type PromptSource, type SourcePurpose } from './prompt-history-query.js';
import { emptyPromptStats, readPromptStats, type NamedCount, type PromptStats } from './prompt-history-stats.js';
import { categoryCountsSql, tagCountsSql } from './prompt-history-stats-sql.js';
import { rollupCategoriesSql, rollupServes } from './prompt-history-rollup-sql.js';

export type NewPrompt = Omit<PromptHistoryInsert, 'id' | 'timestamp'> & { timestamp?: string };
export type PromptPatch = Partial<Omit<PromptHistoryInsert, 'id'>>;
export type PromptListOptions = PromptFilters & PromptPage;

export interface LogPromptOptions {
  category?: string;
  tags?: string[];
  context?: string;
  relatedFiles?: string[];
  estimatedDurationMinutes?: number;
}

export const DEFAULT_FIND_LIMIT = 100;

export class PromptHistoryRepository extends BaseRepository {
  create(data: NewPrompt): PromptHistoryRow {
    const t = this.tables.promptHistory;
    const values: PromptHistoryInsert = { ...data, timestamp: data.timestamp ?? nowIso() };
    assertWritable(t, values);
    return withDefaults(t, this.db.insert(t.table).values(values).returning().get());
  }

  log(prompt: string, options: LogPromptOptions = {}): PromptHistoryRow {
    return this.create({
      prompt,
      category: options.category ?? null,
      tags: toJson(options.tags ?? []),
      context: options.context ?? null,
      relatedFiles: toJson(options.relatedFiles ?? []),
      executionStatus: 'pending',
      estimatedDurationMinutes: options.estimatedDurationMinutes ?? null,
    });
  }

  findById(id: number): PromptHistoryRow | undefined {
    const t = this.tables.promptHistory;
    if (!t.exists) return undefined;
    const row = this.db.select().from(t.table).where(eq(t.table.id, id)).get();
    return row && withDefaults(t, row);
  }

  /** Newest first by id; `beforeId` (down) and `afterId` (up) page by keyset; at most 100 rows unless `limit` says otherwise. */
  findAll(options: PromptListOptions = {}): PromptHistoryRow[] {
    const { limit = DEFAULT_FIND_LIMIT, beforeId, afterId } = options;
    return this.page(this.source(options), { limit, beforeId, afterId });
  }

  findRecent(limit = 20): PromptHistoryRow[] {
    return this.findAll({ limit });
  }

  /** Every matching prompt, newest first, read in keyset pages so memory stays flat. */
  *iterate(filters: PromptFilters = {}, pageSize = 1000): Generator<PromptHistoryRow[]> {
    const source = this.source(filters);
    let beforeId: number | undefined;
    for (;;) {
      const rows = this.page(source, { limit: pageSize, beforeId });
      if (rows.length > 0) yield rows;
      if (rows.length < pageSize) return;
      beforeId = rows[rows.length - 1]!.id;
    }
  }

  count(filters: PromptFilters = {}): number {
    if (!this.tables.promptHistory.exists) return 0;
    return this.run<{ n: number }>(promptCountSql(this.source(filters, 'aggregate')))[0]?.n ?? 0;
  }

  /** Matching prompts with fromId <= id <= toId: lets a screen count a million rows in slices, between key presses. */
  countRange(filters: PromptFilters, fromId: number, toId: number): number {
    if (!this.tables.promptHistory.exists) return 0;
    return this.run<{ n: number }>(promptRangeCountSql(this.source(filters), fromId, toId))[0]?.n ?? 0;
  }

  update(id: number, patch: PromptPatch): PromptHistoryRow {
    const t = this.tables.promptHistory;
    assertWritable(t, patch);
    const row = this.db.update(t.table).set(patch).where(eq(t.table.id, id)).returning().get();
    return withDefaults(t, found(row, 'prompt', id));
  }

  complete(id: number, result: { notes?: string; actualDurationMinutes?: number } = {}): PromptHistoryRow {
    return this.update(id, {
      executionStatus: 'completed',
      executionNotes: result.notes,
      actualDurationMinutes: result.actualDurationMinutes,
      completedAt: nowIso(),
    });
  }

  fail(id: number, notes?: string): PromptHistoryRow {
    return this.update(id, { executionStatus: 'failed', executionNotes: notes, completedAt: nowIso() });
  }

  cancel(id: number): PromptHistoryRow {
    return this.update(id, { executionStatus: 'cancelled', completedAt: nowIso() });
  }

  /** Three queries whatever the size (the service needs six for less); follows the filters. */
  getStats(filters: PromptFilters = {}, opts: { now?: Date; topTags?: number } = {}): PromptStats {
    const now = opts.now ?? new Date();
    const topTags = opts.topTags ?? 10;
    if (!this.tables.promptHistory.exists) return emptyPromptStats(now);
    return readPromptStats(this.db.$client, currentShape(this.db.$client), filters, this.source(filters, 'aggregate'), { now, topTags });
  }

  /** Distinct categories, as the service returns them. */
  getCategories(): string[] {
    return this.categoryCounts().flatMap((c) => (c.name === null ? [] : [c.name])).sort();
  }

  /** Distinct tags, sorted, as the service returns them (without parsing every row). */
  getTags(): string[] {
    return this.tagCounts().map((t) => t.name).sort();
  }

  /** Prompts per category (null: none), most used first. */
  categoryCounts(filters: PromptFilters = {}): NamedCount<string | null>[] {
    if (!this.tables.promptHistory.exists) return [];
    const shape = currentShape(this.db.$client);
    return this.run<NamedCount<string | null>>(rollupServes(shape, filters) ? rollupCategoriesSql(filters) : categoryCountsSql(this.source(filters, 'aggregate')));
  }

  /** Prompts per tag, most used first. */
  tagCounts(filters: PromptFilters = {}, limit?: number): NamedCount[] {
    if (!this.tables.promptHistory.exists) return [];
    const source = this.source(filters, 'aggregate');
    return this.run<NamedCount>(tagCountsSql(currentShape(this.db.$client), source, source.where.length === 0, limit));
  }

  delete(id: number): void {
    const t = this.tables.promptHistory;
    assertWritable(t);
    const res = this.db.delete(t.table).where(eq(t.table.id, id)).run();
    if (res.changes === 0) found(undefined, 'prompt', id);
  }

  /** How a filtered set is read on this file: by index where it exists, by scanning where not. */
  source(filters: PromptFilters = {}, purpose: SourcePurpose = 'list'): PromptSource {
    return promptSource(currentShape(this.db.$client), filters, purpose);
  }

  private page(source: PromptSource, page: PromptPage): PromptHistoryRow[] {
    const t = this.tables.promptHistory;
    if (!t.exists) return [];
    return this.run<PromptHistoryRow>(promptListSql(t, source, page)).map((r) => withDefaults(t, r));
  }

  private run<T>(q: SqlPart): T[] {
    return this.db.$client.prepare(q.text).all(...q.params) as T[];
  }
}
