import type { UndoChange, UndoPlan } from '../../db/actions/undo.js';

/** A value as the operator reads it in a diff: text quoted, absent as `none`. */
export function diffValue(v: unknown): string {
  if (v === null || v === undefined) return 'none';
  if (typeof v === 'string') return v.length > 40 ? JSON.stringify(`${v.slice(0, 39)}…`) : JSON.stringify(v);
  return JSON.stringify(v);
}

/** `role: "viewer" → "developer"`: the value now (the entry's after), then the one the undo writes. */
export const diffLine = (c: UndoChange): string => `${c.field}: ${diffValue(c.from)} → ${diffValue(c.to)}`;

/** The confirmation's text: what changes, each field's diff, and how it is audited. */
export function undoMessage(plan: UndoPlan): string {
  return [`${plan.target}:`, ...plan.changes.map((c) => `  ${diffLine(c)}`), ...(plan.note ? [plan.note] : []), `Audited as ${plan.action}, naming #${plan.entryId}; it can be undone in turn.`].join(
    '\n',
  );
}

/** The flash after the undo. */
export const undoneMessage = (plan: UndoPlan, auditId: number): string => `Undone #${plan.entryId}: ${plan.target} ${plan.changes.map(diffLine).join(', ')}; audited as #${auditId} ${plan.action}.`;
