import { and, eq, gt, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DB } from '../connection.js';
import { shapedTables } from '../tables.js';
import { maskApiKey, type ApiKeyState } from '../repositories/api-keys.js';
import { type ListSource } from './keyset.js';
import { offeredSorts, sortInForce, sortOrder, tableRows, textKey, type ListSort, type SortAsk, type SortKeys } from './sort.js';
import { keysetSource } from './keyset-source.js';
import { secondsOrMarked, text, bool } from '../cells.js';
import { unixSecondsSql } from '../time.js';

export const API_KEY_STATES: readonly ApiKeyState[] = ['active', 'expired', 'revoked'];

export interface ApiKeyFilter {
  readonly agent?: string;
  readonly state?: ApiKeyState;
}

/** One line of the keys list: the key already masked, so the plaintext never leaves the database layer. */
export interface ApiKeyListItem {
  id: string;
  agentId: string;
  maskedKey: string;
  state: ApiKeyState;
  /**
   * Unix seconds (a value another writer left in milliseconds divided), or a stored value that
   * is no time as its marked text (`?yesterday`, a BLOB's marker: db/cells.ts).
   */
  createdAt: KeyTime;
  lastUsedAt: KeyTime;
  expiresAt: KeyTime;
}

export type KeyTime = number | string | null;

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

function stateWhere(db: DB, state: ApiKeyState, now: number): SQL | undefined {
  const c = shapedTables(db.$client).apiKeys.table;
  // Seconds, milliseconds read as seconds: the timestamp columns would turn a number parameter into a Date.
  const expires = sql.raw(unixSecondsSql('"api_keys"."expires_at"'));
  if (state === 'revoked') return eq(c.revoked, true);
  if (state === 'expired') return and(eq(c.revoked, false), isNotNull(expires), lte(expires, now));
  return and(eq(c.revoked, false), or(isNull(expires), gt(expires, now)));
}

function stateOf(revoked: boolean, expiresAt: KeyTime, now: number): ApiKeyState {
  if (revoked) return 'revoked';
  if (typeof expiresAt === 'number' && expiresAt <= now) return 'expired';
  return 'active';
}

/** Seconds (milliseconds another writer left read as seconds) of a key's time column, NULL as `nulls`. */
const secondsKey = (column: string, nulls: number): SQL => sql`coalesce(${sql.raw(unixSecondsSql(`"api_keys"."${column}"`))}, ${nulls})`;

/**
 * The columns the keys list sorts by. By the instant: api_keys holds a few rows per agent, so an
 * expression costs a sort of them. A row without a readable created_at sorts as the oldest.
 */
function apiKeySortKeys(db: DB, now: number): SortKeys {
  const c = shapedTables(db.$client).apiKeys.table;
  const expires = sql.raw(unixSecondsSql('"api_keys"."expires_at"'));
  const state = sql`(CASE WHEN typeof(${c.revoked}) IN ('integer','real') AND ${c.revoked} <> 0 THEN 'revoked' WHEN ${expires} IS NOT NULL AND ${expires} <= ${now} THEN 'expired' ELSE 'active' END)`;
  return {
    agent: { key: textKey(c.agentId), first: 'asc' },
    state: { key: state, first: 'asc' },
    created: { key: secondsKey('created_at', 0), first: 'desc', indexed: true },
    used: { key: secondsKey('last_used_at', 0), first: 'desc' },
    // never-expiring keys after every date
    expires: { key: secondsKey('expires_at', 9e15), first: 'asc' },
  };
}

export const API_KEY_DEFAULT_SORT: ListSort = { by: 'created', direction: 'desc' };

/** API keys newest first (or by any column), paged by (value, id); filtered by agent and state. */
export function apiKeyListSource(db: DB, filter: ApiKeyFilter, asked?: SortAsk): ListSource<ApiKeyListItem> {
  const t = shapedTables(db.$client).apiKeys;
  const c = t.table;
  const now = nowSeconds();
  const where = and(filter.agent ? eq(c.agentId, filter.agent) : undefined, filter.state ? stateWhere(db, filter.state, now) : undefined);
  const keys = apiKeySortKeys(db, now);
  const sorts = offeredSorts(keys, tableRows(db, t.name, t.exists));
  const sort = sortInForce(keys, asked, sorts, API_KEY_DEFAULT_SORT);
  return keysetSource({
    db,
    table: t,
    order: sortOrder(keys, sort, c.id),
    where,
    sorts,
    sort,
    read: (k, limit, o) => {
      const rows = db
        .select({
          id: c.id,
          agentId: c.agentId,
          key: c.key,
          revoked: sql<number>`${c.revoked}`,
          createdAt: sql<number | null>`${c.createdAt}`,
          lastUsedAt: sql<number | null>`${c.lastUsedAt}`,
          expiresAt: sql<number | null>`${c.expiresAt}`,
          sortKey: sql<number>`${o.key}`,
        })
        .from(c)
        .where(k.where)
        .orderBy(...k.orderBy)
        .limit(limit)
        .all();
      const at = nowSeconds(); // a key that expires while shown turns expired at the next read
      return rows.map(({ key, revoked, sortKey, ...r }) => {
        const expiresAt = secondsOrMarked(r.expiresAt);
        const item: ApiKeyListItem = {
          id: text(r.id),
          agentId: text(r.agentId),
          // a BLOB shows as its marker (its size only); any other type is masked as its text
          maskedKey: (key as unknown) instanceof Uint8Array ? text(key) : maskApiKey(key == null ? null : text(key)),
          state: stateOf(bool(revoked) || (typeof revoked === 'number' && revoked !== 0), expiresAt, at),
          createdAt: secondsOrMarked(r.createdAt),
          lastUsedAt: secondsOrMarked(r.lastUsedAt),
          expiresAt,
        };
        return { item, cursor: { key: sortKey, id: r.id } };
      });
    },
    unfiltered: !filter.agent && !filter.state,
  });
}

/** How many keys a cleanup would delete now: revoked ones and expired ones. */
export function cleanupCandidates(db: DB): { revoked: number; expired: number } {
  const t = shapedTables(db.$client).apiKeys;
  if (!t.exists) return { revoked: 0, expired: 0 };
  const now = nowSeconds();
  const count = (state: ApiKeyState): number =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(t.table)
      .where(stateWhere(db, state, now))
      .get()?.n ?? 0;
  return { revoked: count('revoked'), expired: count('expired') };
}
