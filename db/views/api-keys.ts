import { and, eq, gt, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DB } from '../connection.js';
import { shapedTables } from '../tables.js';
import { maskApiKey, type ApiKeyState } from '../repositories/api-keys.js';
import { type ListSource, type KeysetOrder } from './keyset.js';
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

/** API keys newest first, paged by (created_at, id); filtered by agent and state. */
export function apiKeyListSource(db: DB, filter: ApiKeyFilter): ListSource<ApiKeyListItem> {
  const t = shapedTables(db.$client).apiKeys;
  const c = t.table;
  const now = nowSeconds();
  const where = and(filter.agent ? eq(c.agentId, filter.agent) : undefined, filter.state ? stateWhere(db, filter.state, now) : undefined);
  // By the instant (milliseconds another writer left read as seconds): api_keys holds a few rows per agent,
  // so the expression costs a sort of them. A row without a readable created_at sorts as the oldest.
  const order: KeysetOrder = { key: sql`coalesce(${sql.raw(unixSecondsSql('"api_keys"."created_at"'))}, 0)`, id: c.id, direction: 'desc' };
  return keysetSource({
    db,
    table: t,
    order,
    where,
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
  const count = (state: ApiKeyState): number => db.select({ n: sql<number>`count(*)` }).from(t.table).where(stateWhere(db, state, now)).get()?.n ?? 0;
  return { revoked: count('revoked'), expired: count('expired') };
}
