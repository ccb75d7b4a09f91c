import { useState } from 'react';
import { planUndo, undoAuditEntry } from '../../db/actions/undo.js';
import { useKeypress } from '../../src/app/keypress-bus.js';
import { isCommand } from '../../src/keymap/keymap.js';
import type { Confirm } from '../../src/hooks/use-confirm.js';
import { useAction } from '../../src/hooks/use-admin-action.js';
import { undoMessage, undoneMessage } from './undo-text.js';

export interface UndoNotice {
  readonly title: string;
  readonly message: string;
}

export interface Undo {
  /** `u` on an entry: says why not, or asks with the diff (No selected) */
  readonly request: (auditId: number) => void;
  readonly dialog: Confirm['dialog'];
  /** why the entry cannot be undone: too long for the footer line, so a box until the next key */
  readonly notice: UndoNotice | null;
}

/**
 * `u`: undoes the console change of an audit entry after a confirmation showing the diff it
 * applies. Read-only, a viewer, an irreversible entry, a row changed since: the reason instead.
 */
export function useUndo(): Undo {
  // the one action helper: ask, run in one audited transaction, flash (offering undo), read again
  const { db, operator, refusal, flash, confirm, run } = useAction('undo changes');
  const [notice, setNotice] = useState<UndoNotice | null>(null);
  useKeypress(
    'dialog',
    (k) => {
      if (isCommand('notice.close', k.name)) setNotice(null); // any key
      return true;
    },
    { active: notice !== null, scopes: ['notice'] },
  );
  const apply = (id: number): void =>
    run(
      () => {
        const { plan, audit } = undoAuditEntry(db, operator, id);
        return undoneMessage(plan, audit.id);
      },
      'Not undone',
      {
        // why not is too long for the flash line: a box until the next key
        caught: (e) => {
          setNotice({ title: `Not undone: #${id}`, message: e instanceof Error ? e.message : String(e) });
          return true;
        },
        offerUndo: false, // here u undoes the selected entry, not the one just written
      },
    );
  const request = (id: number): void => {
    if (refusal) return flash(`Cannot undo: ${refusal}.`, 'warning');
    const check = planUndo(db, operator, id);
    if (!check.ok) return setNotice({ title: `Cannot undo #${id}`, message: `${check.reason[0]!.toUpperCase()}${check.reason.slice(1)}.` });
    confirm.ask({ title: `Undo entry #${id} (${check.plan.entryAction})?`, message: undoMessage(check.plan), onYes: () => apply(id) });
  };
  return { request, dialog: confirm.dialog, notice };
}
