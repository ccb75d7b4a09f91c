import type { DB } from '../connection.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { Operator } from '../operator.js';
import { ApiKeyRepository, maskApiKey } from '../repositories/api-keys.js';
import type { ApiKeyRow } from '../types.js';
import { audit, runAction } from './run.js';

/** To show with every revocation (COMPAT.md): the database is not the only source of keys. */
export const API_KEY_ENV_WARNING = "Agents holding a key from the service's environment variable are not stopped by revoking database keys.";

/** Revokes one key, audited as `api-key:revoked`; a key already revoked or purged by the service is a conflict. */
export function revokeApiKey(db: DB, op: Operator, keyId: string): ApiKeyRow {
  return runAction(db, op, 'revoke API keys', (now) => {
    const keys = new ApiKeyRepository(db);
    const before = keys.findById(keyId);
    if (!before) throw new ConflictError(`API key ${keyId} no longer exists (the service purges revoked and expired keys); nothing was changed`);
    if (before.revoked) throw new ConflictError(`API key ${maskApiKey(before.key)} is already revoked; nothing was changed`);
    const after = keys.revoke(keyId);
    audit(db, now, 'api-key:revoked', 'api_key', keyId, {
      before: { revoked: false },
      after: { revoked: true },
      agentId: before.agentId,
      key: maskApiKey(before.key),
    });
    return after;
  });
}

export interface GeneratedApiKey {
  readonly row: ApiKeyRow;
  /** the plaintext key: show it once, never store or log it elsewhere */
  readonly key: string;
}

/** Issues a new key for an agent, audited as `api-key:generated` with only the masked key. */
export function generateApiKey(db: DB, op: Operator, agentId: string, expiresAt?: Date): GeneratedApiKey {
  const agent = agentId.trim();
  if (!agent) throw new ValidationError('an API key needs an agent id');
  if (expiresAt && (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= Date.now())) {
    throw new ValidationError('an API key expiry must be a valid time in the future');
  }
  return runAction(db, op, 'generate API keys', (now) => {
    const row = new ApiKeyRepository(db).create({ agentId: agent, expiresAt: expiresAt ?? null });
    audit(db, now, 'api-key:generated', 'api_key', row.id, {
      agentId: agent,
      key: maskApiKey(row.key),
      expiresAt: row.expiresAt ? row.expiresAt.toISOString() : null,
    });
    return { row, key: row.key };
  });
}

/** Hard-deletes revoked and expired keys, audited as `api-key:cleanup` with the count; returns the count. */
export function cleanupApiKeys(db: DB, op: Operator): number {
  return runAction(db, op, 'clean up API keys', (now) => {
    const deleted = new ApiKeyRepository(db).cleanup();
    audit(db, now, 'api-key:cleanup', 'api_key', null, { count: deleted });
    return deleted;
  });
}
