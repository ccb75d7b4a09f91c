import type { DB } from '../connection.js';
import type { Operator } from '../operator.js';
import type { Permission } from './run.js';
import type { Readable, UndoEntry, Values } from './undo-entry.js';

/** One field the undo writes: from its value now (the entry's after) back to the entry's before. */
export interface UndoChange {
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
}

/** What undoing one entry would do to its row, worked out from the row as it is now. */
export interface Prepared {
  /** the row as the operator knows it: `user dev (U_DEV)` */
  readonly target: string;
  /** the row now, to compare with the entry's after values */
  readonly current: Values;
  /** the fields that must still hold the entry's after values */
  readonly compare: readonly string[];
  /** what will be written, shown in the confirmation */
  readonly changes: readonly UndoChange[];
  /** the audit action of the undo: the service's name for the same event where there is one */
  readonly action: string;
  /** the permission of the change itself (null: anyone who may change; a phrase: admins only) */
  readonly permission: Permission;
  /** what the operator should know before saying yes */
  readonly note?: string;
  /** a check on the operator beyond the permission (a developer's own schedules) */
  readonly authorize?: (op: Operator) => void;
  /** writes the before values; returns the audit metadata (without `undoes`) */
  readonly apply: () => Record<string, unknown>;
}

export type Preparer = (db: DB, entry: UndoEntry) => Readable<Prepared>;

/** The entry's changes as an UndoChange list: from its after values back to its before values. */
export const changesOf = (entry: UndoEntry, fields: readonly string[]): UndoChange[] => fields.map((field) => ({ field, from: entry.after[field], to: entry.before[field] }));
