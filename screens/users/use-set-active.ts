import { setUserActive } from '../../db/actions/users.js';
import { isLastActiveAdmin } from '../../db/views/users.js';
import type { UserRow } from '../../db/types.js';
import type { Confirm } from '../../src/hooks/use-confirm.js';
import { useAdminAction } from '../../src/hooks/use-admin-action.js';

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
  const { db, operator, refusal, flash, confirm, run } = useAdminAction('deactivate or reactivate users');
  const apply = (user: UserRow, active: boolean): void =>
    run(() => {
      const after = setUserActive(db, operator, user.id, active, shownUser(user));
      return `${after.slackUsername} is now ${after.active ? 'active' : 'inactive'}; audited as user:${active ? 'reactivated' : 'deactivated'}.`;
    }, 'Not changed');
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
      onYes: () => apply(user, !user.active),
    });
  };
  return { request, dialog: confirm.dialog };
}
