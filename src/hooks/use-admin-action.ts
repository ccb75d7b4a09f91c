import type { DB } from '../../db/connection.js';
import type { Operator } from '../../db/operator.js';
import type { Tone } from '../../components/theme/index.js';
import { useServices } from '../app/services.js';
import { useLive } from '../app/live.js';
import { useFlash } from '../app/flash.js';
import { latestAuditId, undoOffer } from '../../db/actions/undo-offer.js';

export interface AdminAction {
  readonly db: DB;
  readonly operator: Operator;
  /** why this operator may not (read-only, inactive, viewer, not an admin), or null when they may */
  readonly refusal: string | null;
  readonly flash: (text: string, tone?: Tone) => void;
  /**
   * Runs an audited action: its one-line result, or `failed: <the error's sentence>`; then the
   * screen reads again, since our own write does not change data_version for this connection.
   */
  readonly run: (act: () => string, failed: string) => void;
}

/** What an admin-only action (`what`: "change roles") needs: the actions refuse the same way, this says so before asking. */
export function useAdminAction(what: string): AdminAction {
  const { db, operator, refusal } = useServices();
  const { refresh } = useLive();
  const { flash } = useFlash();
  const notAdmin = operator.role === 'admin' ? null : `only an admin may ${what} (operator ${operator.id} is a ${operator.role})`;
  const run = (act: () => string, failed: string): void => {
    try {
      const since = latestAuditId(db);
      const done = act();
      flash(done, 'success', undoOffer(db, operator, since));
    } catch (e) {
      flash(`${failed}: ${e instanceof Error ? e.message : String(e)}`, 'danger');
    }
    refresh();
  };
  return { db, operator, refusal: refusal ?? notAdmin, flash, run };
}
