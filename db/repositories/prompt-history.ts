import { eq } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import { BaseRepository } from './base.js';
import { withDefaults, assertWritable, currentShape } from '../tables.js';
import { nowIso } from '../time.js';
import { toJson } from '../json.js';
import type { PromptHistoryInsert, PromptHistoryRow } from '../types.js';
import { found } from './rows.js';
import { conflictsAsErrors, givenIso, refuseUnknownFields, refuseUnknownOptions } from './fields.js';
import { promptListSql, type PromptFilters, type PromptSource, type SourcePurpose } from './prompt-history-query.js';
import { join, part } from '../search/sql.js';
import type { NamedCount, PromptStats } from './prompt-history-stats.js';
import { DEFAULT_FIND_LIMIT, PromptHistoryReader, type PromptListOptions } from './prompt-history-reader.js';
import { ValidationError } from '../errors.js';

export { DEFAULT_FIND_LIMIT, type PromptListOptions } from './prompt-history-reader.js';

/** The service's PromptHistoryInsert: `id` and `timestamp` (ISO) may be given, as when importing rows. */
export type NewPrompt = Omit<PromptHistoryInsert, 'id' | 'timestamp'> & { id?: number; timestamp?: string };
export type PromptPatch = Partial<Omit<PromptHistoryInsert, 'id'>>;

export interface LogPromptOptions {
  category?: string;
  tags?: string[];
  context?: string;
  relatedFiles?: string[];
  estimatedDurationMinutes?: number;
}
const LOG_OPTIONS = ['category', 'tags', 'context', 'relatedFiles', 'estimatedDurationMinutes'] as const;

/**
 * findAll's options: the service's (category, status, searchText, tag, limit, offset) and the
 * console's (search, the same as searchText; beforeId/afterId keyset paging, cheaper than offset).
 */
export interface PromptFindOptions extends PromptListOptions {
  /** the service's name for `search`: a case-insensitive literal substring of prompt or context (% and _ are plain characters) */
  searchText?: string;
  /** skip this many of the matching rows (newest first); with beforeId it counts from there */
  offset?: number;
}
const FIND_OPTIONS = ['category', 'status', 'search', 'searchText', 'tag', 'limit', 'offset', 'beforeId', 'afterId'] as const;

/** What `complete` stores besides the status (the console's object form). */
export interface PromptCompletion {
  notes?: string;
  relatedFiles?: string[];
  actualDurationMinutes?: number;
}
const COMPLETION_FIELDS = ['notes', 'relatedFiles', 'actualDurationMinutes'] as const;

/**
 * The spec's repository: writes through drizzle; every read is PromptHistoryReader's (the
 * drizzle-free reader `history` uses alone), on the same handle and the same cached shape.
 */
export class PromptHistoryRepository extends BaseRepository {
  private readonly reader = new PromptHistoryReader(this.db.$client, () => currentShape(this.db.$client));

  create(data: NewPrompt): PromptHistoryRow {
    const t = this.tables.promptHistory;
    refuseUnknownFields(t, data);
    const values: PromptHistoryInsert = { ...data, timestamp: givenIso(data.timestamp, 'timestamp') ?? nowIso() };
    if (data.completedAt != null) givenIso(data.completedAt, 'completedAt');
    assertWritable(t, values);
    return withDefaults(
      t,
      conflictsAsErrors(t.name, () => this.db.insert(t.table).values(values).returning().get()),
    );
  }

  log(prompt: string, options: LogPromptOptions = {}): PromptHistoryRow {
    refuseUnknownOptions('log', options, LOG_OPTIONS);
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

  /**
   * Newest first by id (the service orders by timestamp, which the id follows for rows it wrote);
   * `beforeId` (down) and `afterId` (up) page by keyset, `offset` skips; at most 100 rows unless
   * `limit` says otherwise. Unknown options are refused.
   */
  findAll(options: PromptFindOptions = {}): PromptHistoryRow[] {
    refuseUnknownOptions('findAll', options, FIND_OPTIONS);
    const { searchText, offset, ...list } = options;
    if (searchText !== undefined && list.search !== undefined && searchText !== list.search) {
      throw new ValidationError('findAll: search and searchText are the same option; give one');
    }
    const query: PromptListOptions = { ...list, search: list.search ?? searchText };
    if (offset === undefined || offset === 0) return this.reader.findAll(query);
    if (!Number.isInteger(offset) || offset < 0) throw new ValidationError(`findAll: offset must be a whole number, 0 or more, not ${offset}`);
    if (query.afterId !== undefined) throw new ValidationError('findAll: offset pages down from the newest (or from beforeId); it does not combine with afterId');
    return this.offsetPage(query, offset);
  }

  /** The newest `limit` prompts (50 unless given, as the service's findRecent). */
  findRecent(limit = 50): PromptHistoryRow[] {
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
    refuseUnknownFields(t, patch);
    if (patch.timestamp != null) givenIso(patch.timestamp, 'timestamp');
    if (patch.completedAt != null) givenIso(patch.completedAt, 'completedAt');
    assertWritable(t, patch);
    const row = this.db.update(t.table).set(patch).where(eq(t.table.id, id)).returning().get();
    return withDefaults(t, found(row, 'prompt', id));
  }

  /**
   * The service's call, complete(id, notes?, relatedFiles?, actualDurationMinutes?), or the
   * console's, complete(id, { notes, relatedFiles, actualDurationMinutes }). Whatever is given is
   * stored; what is not given is left as it was (relatedFiles replaces the list when given).
   */
  complete(id: number, notes?: string, relatedFiles?: string[], actualDurationMinutes?: number): PromptHistoryRow;
  complete(id: number, result?: PromptCompletion): PromptHistoryRow;
  complete(id: number, notesOrResult?: string | PromptCompletion, relatedFiles?: string[], actualDurationMinutes?: number): PromptHistoryRow {
    const result: PromptCompletion =
      typeof notesOrResult === 'object' && notesOrResult !== null
        ? (refuseUnknownOptions('complete', notesOrResult, COMPLETION_FIELDS), notesOrResult)
        : { notes: notesOrResult, relatedFiles, actualDurationMinutes };
    return this.update(id, {
      executionStatus: 'completed',
      executionNotes: result.notes,
      relatedFiles: result.relatedFiles && toJson(result.relatedFiles),
      actualDurationMinutes: result.actualDurationMinutes,
      completedAt: nowIso(),
    });
  }

  /** The service's fail(id, notes?): notes go to execution_notes. */
  fail(id: number, notes?: string): PromptHistoryRow {
    return this.update(id, { executionStatus: 'failed', executionNotes: notes, completedAt: nowIso() });
  }

  /** The service's cancel(id, notes?): notes go to execution_notes. */
  cancel(id: number, notes?: string): PromptHistoryRow {
    return this.update(id, { executionStatus: 'cancelled', executionNotes: notes, completedAt: nowIso() });
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

  /** findAll with an offset: the reader's page query, its LIMIT followed by OFFSET. */
  private offsetPage(query: PromptListOptions, offset: number): PromptHistoryRow[] {
    if (!this.reader.exists()) return [];
    const { limit = DEFAULT_FIND_LIMIT, beforeId, ...filters } = query;
    const q = join([promptListSql(currentShape(this.db.$client), this.reader.source(filters), { limit, beforeId }), part('OFFSET ?', offset)]);
    return (this.db.$client as Database.Database).prepare(q.text).all(...q.params) as PromptHistoryRow[];
  }
}
