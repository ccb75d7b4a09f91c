import type { DB } from '../../db/connection.js';
import type { Operator } from '../../db/operator.js';
import type { Tone } from '../../components/theme/index.js';
import { useServices } from '../app/services.js';
import { useLive } from '../app/live.js';
import { useFlash } from '../app/flash.js';
import { latestAuditId, undoOffer } from '../../db/actions/undo-offer.js';
import { useConfirm, type Confirm } from './use-confirm.js';

/**
 * The one way a screen changes data (issue 14): refuse before asking, ask (`confirm`, No
 * selected), `run` the audited action, flash its result (offering undo), read again.
 */
export interface AdminAction {
  readonly db: DB;
  readonly operator: Operator;
  /** why this operator may not (read-only, inactive, viewer, not an admin), or null when they may */
  readonly refusal: string | null;
  readonly flash: (text: string, tone?: Tone) => void;
  /** the action's yes/no question (a screen shows `confirm.dialog`) */
  readonly confirm: Confirm;
  /**
   * Runs an audited action: its one-line result, or `failed: <the error's sentence>`; then the
   * screen reads again, since our own write does not change data_version for this connection.
   */
  readonly run: (act: () => string, failed: string, how?: RunOptions) => void;
}

export interface RunOptions {
  /** takes an error itself (asks another question, shows a box): true when it did */
  readonly caught?: (e: unknown) => boolean;
  /** false: the flash offers no `u undo` (an undo on the audit log, where u undoes the selected entry) */
  readonly offerUndo?: boolean;
}

export interface ActionRule {
  /** only an admin may (users, API keys); without it any operator the session lets change data */
  readonly adminOnly?: boolean;
}

/** What an action (`what`: "change roles") needs: the actions refuse the same way, this says so before asking. */
export function useAction(what: string, rule: ActionRule = {}): AdminAction {
  const { db, operator, refusal } = useServices();
  const { refresh } = useLive();
  const { flash } = useFlash();
  const confirm = useConfirm();
  const notAdmin = !rule.adminOnly || operator.role === 'admin' ? null : `only an admin may ${what} (operator ${operator.id} is a ${operator.role})`;
  const run = (act: () => string, failed: string, how: RunOptions = {}): void => {
    try {
      const since = latestAuditId(db);
      const done = act();
      flash(done, 'success', how.offerUndo === false ? null : undoOffer(db, operator, since));
    } catch (e) {
      if (!how.caught?.(e)) flash(`${failed}: ${e instanceof Error ? e.message : String(e)}`, 'danger');
    }
    refresh();
  };
  return { db, operator, refusal: refusal ?? notAdmin, flash, confirm, run };
}

/** An admin-only action (users, API keys). */
export const useAdminAction = (what: string): AdminAction => useAction(what, { adminOnly: true });
