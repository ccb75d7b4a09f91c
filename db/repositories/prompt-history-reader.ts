import type Database from 'better-sqlite3';
import { readSchemaVersion, readShape, type DatabaseShape } from '../shape.js';
import { part, type SqlPart } from '../search/sql.js';
import { registerFold } from '../search/fold.js';
import { tagSpellings } from '../search/predicates.js';
import { tagsReady } from '../search/tags.js';
import type { PromptHistoryRow } from '../types.js';
import { PROMPT_HISTORY_TABLE } from './prompt-history-columns.js';
import { promptCountSql, promptListSql, promptRangeCountSql, promptSource, type PromptFilters, type PromptPage, type PromptSource, type SourcePurpose } from './prompt-history-query.js';
import { emptyPromptStats, readPromptStats, type NamedCount, type PromptStats } from './prompt-history-stats.js';
import { categoryCountsSql, tagCountsSql } from './prompt-history-stats-sql.js';
import { rollupCategoriesSql, rollupServes } from './prompt-history-rollup-sql.js';
import { cleanName, cleanPromptRow } from './prompt-history-values.js';

// Every read of prompt_history, on a plain better-sqlite3 handle: `history` runs on this alone
// and never loads drizzle-orm or db/schema (importing them costs more than the whole floor
// process). PromptHistoryRepository delegates its reads here, so each query exists once.

export type PromptListOptions = PromptFilters & PromptPage;

export const DEFAULT_FIND_LIMIT = 100;

/** The file's shape, read again only when its schema changes (the service or `migrate` may run DDL meanwhile). */
export function cachedShape(sqlite: Database.Database): () => DatabaseShape {
  let shape: DatabaseShape | undefined;
  return () => {
    if (!shape || shape.schemaVersion !== readSchemaVersion(sqlite)) shape = readShape(sqlite);
    return shape;
  };
}

export class PromptHistoryReader {
  /** `shape` lets the repository share drizzle's cache of it; alone, the reader keeps its own. */
  constructor(
    private readonly sqlite: Database.Database,
    private readonly shape: () => DatabaseShape = cachedShape(sqlite),
  ) {
    registerFold(sqlite); // the Unicode case fold that search and tag filters use (db/search/fold.ts)
  }

  /** Whether the file has prompt_history at all (a file the service never logged a prompt into may not). */
  exists(): boolean {
    return this.shape().tables.has(PROMPT_HISTORY_TABLE);
  }

  findById(id: number): PromptHistoryRow | undefined {
    if (!this.exists()) return undefined;
    const one = { ...this.source(), where: [part('p.id = ?', id)] };
    const row = this.run<PromptHistoryRow>(promptListSql(this.shape(), one, { limit: 1 }))[0];
    return row && cleanPromptRow(row);
  }

  /** Newest first by id; `beforeId` (down) and `afterId` (up) page by keyset; at most 100 rows unless `limit` says otherwise. */
  findAll(options: PromptListOptions = {}): PromptHistoryRow[] {
    const { limit = DEFAULT_FIND_LIMIT, beforeId, afterId } = options;
    return this.page(this.source(options), { limit, beforeId, afterId });
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
    if (!this.exists()) return 0;
    return this.run<{ n: number }>(promptCountSql(this.source(filters, 'aggregate')))[0]?.n ?? 0;
  }

  /** Matching prompts with fromId <= id <= toId: lets a screen count a million rows in slices, between key presses. */
  countRange(filters: PromptFilters, fromId: number, toId: number): number {
    if (!this.exists()) return 0;
    return this.run<{ n: number }>(promptRangeCountSql(this.source(filters), fromId, toId))[0]?.n ?? 0;
  }

  /** Three queries whatever the size (the service needs six for less); follows the filters. */
  getStats(filters: PromptFilters = {}, opts: { now?: Date; topTags?: number } = {}): PromptStats {
    const now = opts.now ?? new Date();
    if (!this.exists()) return emptyPromptStats(now);
    const s = readPromptStats(this.sqlite, this.shape(), filters, this.source(filters, 'aggregate'), { now, topTags: opts.topTags ?? 10 });
    // Names as text (a BLOB status or tag as its marker): the one place stats leave the database.
    return {
      ...s,
      byStatus: s.byStatus.map((c) => ({ ...c, name: cleanName(c).name ?? '' })),
      byCategory: s.byCategory.map(cleanName),
      durations: s.durations.map((d) => ({ ...d, category: cleanName({ name: d.category }).name })),
      topTags: s.topTags.map((c) => ({ ...c, name: cleanName(c).name ?? '' })),
    };
  }

  /** Distinct categories, as the service returns them. */
  getCategories(): string[] {
    return this.categoryCounts()
      .flatMap((c) => (c.name === null ? [] : [c.name]))
      .sort();
  }

  /** Distinct tags, sorted, as the service returns them (without parsing every row). */
  getTags(): string[] {
    return this.tagCounts()
      .map((t) => t.name)
      .sort();
  }

  /** Prompts per category (null: none), most used first. */
  categoryCounts(filters: PromptFilters = {}): NamedCount<string | null>[] {
    if (!this.exists()) return [];
    const sql = rollupServes(this.shape(), filters) ? rollupCategoriesSql(filters) : categoryCountsSql(this.source(filters, 'aggregate'));
    return this.run<NamedCount<string | null>>(sql).map(cleanName);
  }

  /** Prompts per tag, most used first. */
  tagCounts(filters: PromptFilters = {}, limit?: number): NamedCount[] {
    if (!this.exists()) return [];
    const source = this.source(filters, 'aggregate');
    return this.run<NamedCount>(tagCountsSql(this.shape(), source, source.where.length === 0, limit)).map((c) => ({ ...c, name: cleanName(c).name ?? '' }));
  }

  /** How a filtered set is read on this file: by index where it exists, by scanning where not. */
  source(filters: PromptFilters = {}, purpose: SourcePurpose = 'list'): PromptSource {
    const shape = this.shape();
    const spellings = filters.tag && tagsReady(shape) ? tagSpellings(this.sqlite, filters.tag) : undefined;
    return promptSource(shape, filters, purpose, spellings);
  }

  private page(source: PromptSource, page: PromptPage): PromptHistoryRow[] {
    if (!this.exists()) return [];
    return this.run<PromptHistoryRow>(promptListSql(this.shape(), source, page)).map(cleanPromptRow);
  }

  private run<T>(q: SqlPart): T[] {
    return this.sqlite.prepare(q.text).all(...q.params) as T[];
  }
}
