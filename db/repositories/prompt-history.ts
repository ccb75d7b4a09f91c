import { eq } from 'drizzle-orm';
import { BaseRepository } from './base.js';
import { withDefaults, assertWritable, currentShape } from '../tables.js';
import { nowIso } from '../time.js';
import { toJson } from '../json.js';
import type { PromptHistoryInsert, PromptHistoryRow } from '../types.js';
import { found } from './rows.js';
import type { PromptFilters, PromptSource, SourcePurpose } from './prompt-history-query.js';
import type { NamedCount, PromptStats } from './prompt-history-stats.js';
import { PromptHistoryReader, type PromptListOptions } from './prompt-history-reader.js';

export { DEFAULT_FIND_LIMIT, type PromptListOptions } from './prompt-history-reader.js';

export type NewPrompt = Omit<PromptHistoryInsert, 'id' | 'timestamp'> & { timestamp?: string };
export type PromptPatch = Partial<Omit<PromptHistoryInsert, 'id'>>;

export interface LogPromptOptions {
  category?: string;
  tags?: string[];
  context?: string;
  relatedFiles?: string[];
  estimatedDurationMinutes?: number;
}

/**
 * The spec's repository: writes through drizzle; every read is PromptHistoryReader's (the
 * drizzle-free reader `history` uses alone), on the same handle and the same cached shape.
 */
export class PromptHistoryRepository extends BaseRepository {
  private readonly reader = new PromptHistoryReader(this.db.$client, () => currentShape(this.db.$client));

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
    return this.reader.findById(id);
  }

  /** Newest first by id; `beforeId` (down) and `afterId` (up) page by keyset; at most 100 rows unless `limit` says otherwise. */
  findAll(options: PromptListOptions = {}): PromptHistoryRow[] {
    return this.reader.findAll(options);
  }

  findRecent(limit = 20): PromptHistoryRow[] {
    return this.reader.findAll({ limit });
  }

  /** Every matching prompt, newest first, read in keyset pages so memory stays flat. */
  iterate(filters: PromptFilters = {}, pageSize = 1000): Generator<PromptHistoryRow[]> {
    return this.reader.iterate(filters, pageSize);
  }

  count(filters: PromptFilters = {}): number {
    return this.reader.count(filters);
  }

  /** Matching prompts with fromId <= id <= toId: lets a screen count a million rows in slices, between key presses. */
  countRange(filters: PromptFilters, fromId: number, toId: number): number {
    return this.reader.countRange(filters, fromId, toId);
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
    return this.reader.getStats(filters, opts);
  }

  /** Distinct categories, as the service returns them. */
  getCategories(): string[] {
    return this.reader.getCategories();
  }

  /** Distinct tags, sorted, as the service returns them (without parsing every row). */
  getTags(): string[] {
    return this.reader.getTags();
  }

  /** Prompts per category (null: none), most used first. */
  categoryCounts(filters: PromptFilters = {}): NamedCount<string | null>[] {
    return this.reader.categoryCounts(filters);
  }

  /** Prompts per tag, most used first. */
  tagCounts(filters: PromptFilters = {}, limit?: number): NamedCount[] {
    return this.reader.tagCounts(filters, limit);
  }

  delete(id: number): void {
    const t = this.tables.promptHistory;
    assertWritable(t);
    const res = this.db.delete(t.table).where(eq(t.table.id, id)).run();
    if (res.changes === 0) found(undefined, 'prompt', id);
  }

  /** How a filtered set is read on this file: by index where it exists, by scanning where not. */
  source(filters: PromptFilters = {}, purpose: SourcePurpose = 'list'): PromptSource {
    return this.reader.source(filters, purpose);
  }
}
