import type { DatabaseShape } from '../shape.js';
import { allOf, join, part, type SqlPart } from '../search/sql.js';
import { canUseFts, FTS_TABLE } from '../search/fts.js';
import { tagsReady, TAGS_TABLE } from '../search/tags.js';
import { drivingTag, indexedTag, indexedText, scanTag, scanText } from '../search/predicates.js';
import { promptSelectList } from './prompt-history-columns.js';

// Drizzle-free on purpose (as everything `history` loads): see prompt-history-reader.ts.

/** The filters of `history` and of the prompts screen; all combine with AND. */
export interface PromptFilters {
  /** case-insensitive (all of Unicode) literal substring of prompt or context */
  search?: string;
  /** a category by name; null: the prompts with no category */
  category?: string | null;
  status?: string;
  /** one element of the tags array, in any case */
  tag?: string;
}

export interface PromptPage {
  /** at most this many rows; undefined = no limit */
  limit?: number;
  /** keyset paging: only ids below this one */
  beforeId?: number;
  /** keyset paging upward: the `limit` ids just above this one (still returned newest first) */
  afterId?: number;
}

/**
 * How a filtered set of prompts is read, newest first. The driving table is the full-text index
 * or the tag index when they can narrow the set, so a first page costs the same at any size.
 */
export interface PromptSource {
  /** FROM clause; the prompt row is always aliased `p` */
  readonly from: string;
  /** the id expression of the driving table: ORDER BY and keyset paging use it */
  readonly id: string;
  readonly where: readonly SqlPart[];
}

const present = (s: string | null | undefined): s is string => s !== undefined && s !== null && s !== '';

/**
 * `list`: newest first, so status and category must not steer SQLite to the stats index (which
 * would fetch and sort every match for each page). `aggregate`: every match is read anyway, and
 * that index finds them fastest.
 */
export type SourcePurpose = 'list' | 'aggregate';

/** `tagSpellings`: the stored spellings of filters.tag (db/search/predicates.ts), so the tag index is walked in id order. */
export function promptSource(shape: DatabaseShape, filters: PromptFilters = {}, purpose: SourcePurpose = 'list', tagSpellings?: readonly string[]): PromptSource {
  const where: SqlPart[] = [];
  let from = 'prompt_history p';
  let id = 'p.id';
  const { search, tag } = filters;
  if (present(search) && canUseFts(shape, search)) {
    from = `${FTS_TABLE} f JOIN prompt_history p ON p.id = f.rowid`;
    id = 'f.rowid';
    where.push(...indexedText(search));
  } else if (present(search)) {
    where.push(scanText(search));
  }
  if (present(tag) && tagsReady(shape)) {
    if (id === 'p.id') {
      from = `${TAGS_TABLE} g JOIN prompt_history p ON p.id = g.prompt_id`;
      id = 'g.prompt_id';
      where.push(drivingTag(tag, tagSpellings));
    } else {
      where.push(indexedTag(tag));
    }
  } else if (present(tag)) {
    where.push(scanTag(tag));
  }
  const noIndex = purpose === 'list' ? '+' : ''; // unary + keeps SQLite from using an index for the term
  if (present(filters.category)) where.push(part(`${noIndex}p.category = ?`, filters.category));
  else if (filters.category === null) where.push(part(`${noIndex}p.category IS NULL`));
  if (present(filters.status)) where.push(part(`${noIndex}p.execution_status = ?`, filters.status));
  return { from, id, where };
}

/** One page of prompts, newest first, in PromptHistoryRow's shape whatever columns the file has. */
export function promptListSql(shape: DatabaseShape, source: PromptSource, page: PromptPage = {}): SqlPart {
  const where = [...source.where];
  if (page.beforeId !== undefined) where.push(part(`${source.id} < ?`, page.beforeId));
  if (page.afterId !== undefined) where.push(part(`${source.id} > ?`, page.afterId));
  const select = join([
    part(`SELECT ${promptSelectList(shape)} FROM ${source.from} WHERE`),
    allOf(where),
    part(`ORDER BY ${source.id} ${page.afterId !== undefined ? 'ASC' : 'DESC'}`),
    page.limit !== undefined ? part('LIMIT ?', page.limit) : part(''),
  ]);
  // Upward pages read the nearest ids in index order, then turn them newest first.
  return page.afterId !== undefined ? join([part('SELECT * FROM ('), select, part(') ORDER BY "id" DESC')]) : select;
}

/** Matching prompts with fromId <= id <= toId, in id order: the slices a screen counts between key presses. */
export function promptRangeCountSql(source: PromptSource, fromId: number, toId: number): SqlPart {
  return promptCountSql({ ...source, where: [...source.where, part(`${source.id} BETWEEN ? AND ?`, fromId, toId)] });
}

export function promptCountSql(source: PromptSource): SqlPart {
  return join([part(`SELECT count(*) AS n FROM ${source.from} WHERE`), allOf(source.where)]);
}
