import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, isNotNull, lte, or } from 'drizzle-orm';
import { BaseRepository } from './base.js';
import type { ApiKeyRow } from '../types.js';
import { newId } from './rows.js';
import { selectFirst, selectMany, insertRow, updateOne } from './queries.js';
import { refuseUnknownOptions } from './fields.js';
import { ValidationError } from '../errors.js';

export type ApiKeyState = 'active' | 'expired' | 'revoked';

/**
 * The service's ApiKeyInsert: only agentId is needed; an id, a key (to import one that exists),
 * createdAt, lastUsedAt and revoked are stored as given. Times are Dates (INTEGER seconds on disk).
 */
export interface NewApiKey {
  agentId: string;
  id?: string;
  key?: string;
  createdAt?: Date;
  expiresAt?: Date | null;
  lastUsedAt?: Date | null;
  revoked?: boolean;
}
const NEW_KEY_FIELDS = ['agentId', 'id', 'key', 'createdAt', 'expiresAt', 'lastUsedAt', 'revoked'] as const;

function checkDate(value: unknown, field: string): void {
  if (value === undefined || value === null) return;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new ValidationError(`api key ${field} must be a valid Date`);
}

const KEY_PREFIX = 'bm_';

/** `bm_` + 64 hex characters from a secure random source (the service's format). */
export const generateKeyValue = (): string => KEY_PREFIX + randomBytes(32).toString('hex');

/** `bm_3f9a…c2`: enough to tell keys apart, never the key. */
export function maskApiKey(key: string | null | undefined): string {
  // a row written without the NOT NULL constraint can hold no key at all
  if (typeof key !== 'string') return '(no key)';
  const prefix = key.startsWith(KEY_PREFIX) ? KEY_PREFIX : '';
  const body = key.slice(prefix.length);
  if (body.length < 12) return `${prefix}…`;
  return `${prefix}${body.slice(0, 4)}…${body.slice(-2)}`;
}

/** Valid = not revoked and (no expiry or expiry in the future), as the service checks it. */
export function apiKeyState(row: Pick<ApiKeyRow, 'revoked' | 'expiresAt'>, now: Date = new Date()): ApiKeyState {
  if (row.revoked) return 'revoked';
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** api_keys times are INTEGER Unix seconds; drizzle's timestamp mode converts Dates both ways. */
export class ApiKeyRepository extends BaseRepository {
  /**
   * Returns the row with the plaintext key: the caller shows it once. A new `bm_` key and an
   * `ak_` id are made unless given; a duplicate key or id is a ConflictError.
   */
  create(data: NewApiKey): ApiKeyRow {
    refuseUnknownOptions('api key create', data, NEW_KEY_FIELDS);
    if (data.key !== undefined && (typeof data.key !== 'string' || data.key.length === 0)) throw new ValidationError('api key key must be a non-empty string');
    for (const f of ['createdAt', 'expiresAt', 'lastUsedAt'] as const) checkDate(data[f], f);
    const values = {
      id: data.id ?? newId('ak'),
      key: data.key ?? generateKeyValue(),
      agentId: data.agentId,
      createdAt: data.createdAt ?? new Date(),
      expiresAt: data.expiresAt ?? null,
      lastUsedAt: data.lastUsedAt ?? null,
      revoked: data.revoked ?? false,
    };
    return insertRow(this.db, this.tables.apiKeys, values);
  }

  findById(id: string): ApiKeyRow | undefined {
    const t = this.tables.apiKeys;
    return selectFirst(this.db, t, eq(t.table.id, id));
  }

  findByKey(key: string): ApiKeyRow | undefined {
    const t = this.tables.apiKeys;
    return selectFirst(this.db, t, eq(t.table.key, key));
  }

  /** Newest first. */
  findByAgentId(agentId: string): ApiKeyRow[] {
    const t = this.tables.apiKeys;
    return selectMany(this.db, t, eq(t.table.agentId, agentId), { orderBy: [desc(t.table.createdAt), desc(t.table.id)] });
  }

  /**
   * By the key itself, as the service calls it on each authentication (ApiKeyService.validate);
   * a key that is not in the table changes nothing and returns undefined, as in the service.
   */
  updateLastUsed(key: string): ApiKeyRow | undefined {
    const t = this.tables.apiKeys;
    if (!t.exists) return undefined;
    const row = this.db.update(t.table).set({ lastUsedAt: new Date() }).where(eq(t.table.key, key)).returning().get();
    return row === undefined ? undefined : this.findById(row.id);
  }

  revoke(id: string): ApiKeyRow {
    const t = this.tables.apiKeys;
    return updateOne(this.db, t, { revoked: true }, eq(t.table.id, id), 'api key', id);
  }

  /** Not revoked and (no expiry or expiry in the future); newest first. */
  findActive(now: Date = new Date()): ApiKeyRow[] {
    const t = this.tables.apiKeys;
    const valid = and(eq(t.table.revoked, false), or(isNull(t.table.expiresAt), gt(t.table.expiresAt, now)));
    return selectMany(this.db, t, valid, { orderBy: [desc(t.table.createdAt), desc(t.table.id)] });
  }

  /** Hard-deletes revoked and expired keys, as the service does every 6 hours; returns how many went. */
  cleanup(now: Date = new Date()): number {
    const t = this.tables.apiKeys;
    if (!t.exists) return 0;
    const gone = or(eq(t.table.revoked, true), and(isNotNull(t.table.expiresAt), lte(t.table.expiresAt, now)));
    return this.db.delete(t.table).where(gone).run().changes;
  }
}
