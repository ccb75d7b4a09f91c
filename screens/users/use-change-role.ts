import { useState } from 'react';
import { changeUserRole } from '../../db/actions/users.js';
import { isLastActiveAdmin } from '../../db/views/users.js';
import { ROLES, type Role } from '../../db/operator.js';
import type { UserRow } from '../../db/types.js';
import { useKeypress } from '../../src/app/keypress-bus.js';
import { isCommand, type CommandId } from '../../src/keymap/keymap.js';
import type { Confirm } from '../../src/hooks/use-confirm.js';
import { useAdminAction } from '../../src/hooks/use-admin-action.js';
import { shownUser } from './use-set-active.js';

export interface RolePicker {
  readonly user: UserRow;
  readonly cursor: number;
}

export interface ChangeRole {
  readonly request: (user: UserRow) => void;
  /** the role list being chosen from, or null */
  readonly picker: RolePicker | null;
  readonly dialog: Confirm['dialog'];
}

const wrap = (n: number): number => (n + ROLES.length) % ROLES.length;

/**
 * `e`: pick admin, developer or viewer from a list (the current role first under the cursor),
 * then confirm; audited with before and after. Demoting the last active admin is refused at once.
 */
export function useChangeRole(): ChangeRole {
  const { db, operator, refusal, flash, confirm, run } = useAdminAction('change roles');
  const [picker, setPicker] = useState<RolePicker | null>(null);

  const apply = (user: UserRow, role: Role): void =>
    run(() => {
      const after = changeUserRole(db, operator, user.id, role, shownUser(user));
      return `${after.slackUsername} is now ${after.role} (was ${user.role}); audited as user:role-changed.`;
    }, 'Role not changed');

  const choose = (user: UserRow, role: Role): void => {
    setPicker(null);
    if (role === user.role) return flash(`${user.slackUsername} is already ${role}; nothing to change.`, 'muted');
    if (isLastActiveAdmin(db, user)) {
      return flash(`${user.slackUsername} is the last active admin and cannot be demoted; make another user admin first.`, 'warning');
    }
    confirm.ask({
      title: `Make ${user.slackUsername} ${role}?`,
      message: `${user.slackUsername} (${user.slackUserId}) goes from ${user.role} to ${role}. The audit log records it.`,
      onYes: () => apply(user, role),
    });
  };

  useKeypress(
    'dialog',
    (k) => {
      if (!picker) return true;
      const is = (command: CommandId): boolean => isCommand(command, k.name);
      if (is('role.down')) setPicker({ ...picker, cursor: wrap(picker.cursor + 1) });
      else if (is('role.up')) setPicker({ ...picker, cursor: wrap(picker.cursor - 1) });
      else if (is('role.pick')) choose(picker.user, ROLES[picker.cursor]!);
      else if (is('role.close')) setPicker(null);
      return true;
    },
    { active: picker !== null, scopes: ['role-picker'] },
  );

  const request = (user: UserRow): void => {
    if (refusal) return flash(`Cannot change roles: ${refusal}.`, 'warning');
    const at = ROLES.indexOf(user.role as Role);
    setPicker({ user, cursor: at < 0 ? ROLES.length - 1 : at });
  };
  return { request, picker, dialog: confirm.dialog };
}
