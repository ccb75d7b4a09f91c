import { useState } from 'react';
import { planUndo, undoAuditEntry } from '../../db/actions/undo.js';
import { useServices } from '../../src/app/services.js';
import { useLive } from '../../src/app/live.js';
import { useFlash } from '../../src/app/flash.js';
import { useKeypress } from '../../src/app/keypress-bus.js';
import { isCommand } from '../../src/keymap/keymap.js';
import { useConfirm, type Confirm } from '../../src/hooks/use-confirm.js';
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
  const { db, operator, refusal } = useServices();
  const { refresh } = useLive();
  const { flash } = useFlash();
  const confirm = useConfirm();
  const [notice, setNotice] = useState<UndoNotice | null>(null);
  useKeypress(
    'dialog',
    (k) => {
      if (isCommand('notice.close', k.name)) setNotice(null); // any key
      return true;
    },
    { active: notice !== null, scopes: ['notice'] },
  );
  const apply = (id: number): void => {
    try {
      const { plan, audit } = undoAuditEntry(db, operator, id);
      flash(undoneMessage(plan, audit.id), 'success');
    } catch (e) {
      setNotice({ title: `Not undone: #${id}`, message: e instanceof Error ? e.message : String(e) });
    }
    refresh(); // our own write does not move data_version for this connection
  };
  const request = (id: number): void => {
    if (refusal) return flash(`Cannot undo: ${refusal}.`, 'warning');
    const check = planUndo(db, operator, id);
    if (!check.ok) return setNotice({ title: `Cannot undo #${id}`, message: `${check.reason[0]!.toUpperCase()}${check.reason.slice(1)}.` });
    confirm.ask({ title: `Undo entry #${id} (${check.plan.entryAction})?`, message: undoMessage(check.plan), onYes: () => apply(id) });
  };
  return { request, dialog: confirm.dialog, notice };
}
