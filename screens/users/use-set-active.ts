import { setUserActive } from '../../db/actions/users.js';
import { isLastActiveAdmin } from '../../db/views/users.js';
import type { UserRow } from '../../db/types.js';
import { useServices } from '../../src/app/services.js';
import { useLive } from '../../src/app/live.js';
import { useFlash } from '../../src/app/flash.js';
import { useConfirm, type Confirm } from '../../src/hooks/use-confirm.js';
import { useAdminRefusal, failureText } from '../../src/hooks/use-admin-refusal.js';

export interface SetActive {
  readonly request: (user: UserRow) => void;
  readonly dialog: Confirm['dialog'];
}

/** What the operator saw: the action refuses if the service changed any of it meanwhile. */
export const shownUser = (u: UserRow) => ({ role: u.role, active: u.active, updatedAt: u.updatedAt });

/**
 * `d`: deactivates an active user or reactivates an inactive one after a confirmation, audited
 * with before and after; the last active admin is refused at once.
 */
export function useSetActive(): SetActive {
  const { db, operator } = useServices();
  const { refresh } = useLive();
  const { flash } = useFlash();
  const confirm = useConfirm();
  const refusal = useAdminRefusal('deactivate or reactivate users');
  const run = (user: UserRow, active: boolean): void => {
    try {
      const after = setUserActive(db, operator, user.id, active, shownUser(user));
      flash(`${after.slackUsername} is now ${after.active ? 'active' : 'inactive'}; audited as user:${active ? 'reactivated' : 'deactivated'}.`, 'success');
    } catch (e) {
      flash(`Not changed: ${failureText(e)}`, 'danger');
    }
    refresh(); // our own write does not change data_version for this connection
  };
  const request = (user: UserRow): void => {
    const verb = user.active ? 'deactivate' : 'reactivate';
    if (refusal) return flash(`Cannot ${verb}: ${refusal}.`, 'warning');
    if (user.active && isLastActiveAdmin(db, user)) {
      return flash(`${user.slackUsername} is the last active admin and cannot be deactivated; make another user admin first.`, 'warning');
    }
    confirm.ask({
      title: user.active ? 'Deactivate this user?' : 'Reactivate this user?',
      message: user.active
        ? `${user.slackUsername} (${user.slackUserId}) will be denied everything until reactivated. The audit log records it.`
        : `${user.slackUsername} (${user.slackUserId}) gets their ${user.role} rights back. The audit log records it.`,
      onYes: () => run(user, !user.active),
    });
  };
  return { request, dialog: confirm.dialog };
}
