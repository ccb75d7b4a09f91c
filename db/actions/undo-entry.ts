import { parseObject } from '../json.js';
import type { AuditLogRow } from '../types.js';

/** Why an audit entry's change cannot be taken back, by action (checked before anything else). */
export const IRREVERSIBLE: Readonly<Record<string, string>> = {
  'task:cancelled': 'a cancelled task cannot be undone: its queued work was neutralized and its agent told; submit the task again instead',
  'api-key:generated': 'an issued key cannot be undone: revoke it instead',
  'api-key:cleanup': 'a cleanup cannot be undone: the rows are gone',
  'api-key:deleted': 'a deleted key cannot be undone: the row is gone',
  'scheduled_task.cancelled': 'a cancelled schedule cannot be undone: the service never runs a cancelled schedule again; create it anew instead',
  'scheduled_task.created': 'a created schedule cannot be undone: cancel it instead',
  'cron_job.created': 'a created schedule cannot be undone: cancel it instead',
};

/** The sentence for the API key the service deleted meanwhile (COMPAT.md: revoked keys go every 6 hours). */
export const PURGED_KEY = 'the service already purged this API key (it deletes revoked and expired keys every 6 hours): the row is gone; issue a new key instead';

export const SERVICE_ENTRY = 'this entry was made by the service, not the console: it records no before and after to restore';

/** The console actions an undo knows, by the resource they change. */
export const UNDOABLE: Readonly<Record<string, string>> = {
  'user:role-changed': 'user',
  'user:deactivated': 'user',
  'user:reactivated': 'user',
  'api-key:revoked': 'api_key',
  'api-key:unrevoked': 'api_key',
  'scheduled_task.paused': 'scheduled_task',
  'scheduled_task.resumed': 'scheduled_task',
  'scheduled_task.updated': 'scheduled_task',
  'project:updated': 'project',
};

/** Fields every write moves on its own: never compared, never restored. */
const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt']);

export type Values = Readonly<Record<string, unknown>>;

/** An audit entry the console can try to undo: its resource, and the values before and after it. */
export interface UndoEntry {
  readonly row: AuditLogRow;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly before: Values;
  readonly after: Values;
  /** the fields the entry changed (before differs from after), bookkeeping left out */
  readonly fields: readonly string[];
}

export type Readable<T> = { ok: true; value: T } | { ok: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A value as it compares: booleans as SQLite's 0/1, Dates as ISO text, absent as null. */
export function comparable(v: unknown): string {
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  return JSON.stringify(v ?? null);
}

export const sameValue = (a: unknown, b: unknown): boolean => comparable(a) === comparable(b);

/** A value as the operator reads it in a diff. */
export function shown(v: unknown): string {
  if (v === null || v === undefined) return 'none';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string') return v.length > 60 ? `${JSON.stringify(v.slice(0, 57))}…` : JSON.stringify(v);
  return JSON.stringify(v);
}

/** Reads an audit row as an undoable change, or says why it is not one. */
export function readUndoEntry(row: AuditLogRow): Readable<UndoEntry> {
  const irreversible = IRREVERSIBLE[row.action];
  if (irreversible) return { ok: false, reason: irreversible };
  const meta = parseObject(row.metadata);
  if (!meta.ok) return { ok: false, reason: 'its metadata is not JSON, so there is no before and after to restore' };
  const { before, after } = meta.value;
  if (!isObject(before) || !isObject(after)) return { ok: false, reason: SERVICE_ENTRY };
  const resourceType = UNDOABLE[row.action];
  if (!resourceType) return { ok: false, reason: `the console does not undo ${row.action}` };
  if (row.resourceType !== resourceType || !row.resourceId) {
    return { ok: false, reason: `this ${row.action} entry names no ${resourceType} it changed` };
  }
  const fields = Object.keys(after).filter((k) => k in before && !BOOKKEEPING.has(k) && !sameValue(before[k], after[k]));
  if (fields.length === 0) return { ok: false, reason: 'this entry changed nothing that can be restored' };
  return { ok: true, value: { row, resourceType, resourceId: row.resourceId, before, after, fields } };
}
