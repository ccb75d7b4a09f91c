import React from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { dialogHeight } from '../../components/dialog-height.js';
import { ROLES } from '../../db/operator.js';
import type { ChangeRole } from './use-change-role.js';
import type { SetActive } from './use-set-active.js';
import { RolePickerView, rolePickerLines } from './RolePickerView.js';

export interface UserDialogsProps {
  readonly role: ChangeRole;
  readonly active: SetActive;
  readonly width: number;
}

/** Lines the open user dialog takes (0 when none is open), so the screen can give the rest to its body. */
export function userDialogLines({ role, active, width }: UserDialogsProps): number {
  if (role.picker) return rolePickerLines(ROLES);
  const d = role.dialog ?? active.dialog;
  return d ? dialogHeight(d.message, width) : 0;
}

/** The role picker or one of the confirmations, whichever is open. */
export function UserDialogs({ role, active, width }: UserDialogsProps) {
  if (role.picker) {
    const u = role.picker.user;
    return <RolePickerView username={u.slackUsername} current={u.role} roles={ROLES} cursor={role.picker.cursor} width={width} />;
  }
  const d = role.dialog ?? active.dialog;
  return d ? <ConfirmDialog {...d} width={width} /> : null;
}
