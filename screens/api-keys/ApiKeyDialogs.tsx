import React from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { TypedConfirmDialog, typedConfirmLines } from '../../components/TypedConfirmDialog.js';
import { dialogHeight } from '../../components/dialog-height.js';
import type { RevokeKey } from './use-revoke-key.js';
import type { CleanupKeys } from './use-cleanup-keys.js';
import type { NewKey } from './use-new-key.js';
import { NewKeyFormView, newKeyFormLines } from './NewKeyFormView.js';
import { IssuedKeyPanel, issuedKeyLines } from './IssuedKeyPanel.js';

export interface ApiKeyDialogsProps {
  readonly revoke: RevokeKey;
  readonly cleanup: CleanupKeys;
  readonly newKey: NewKey;
  readonly width: number;
}

/** Lines the open dialog or panel takes (0 when none), so the list gets the rest. */
export function apiKeyDialogLines({ revoke, cleanup, newKey, width }: ApiKeyDialogsProps): number {
  if (newKey.issued) return issuedKeyLines(newKey.issued, width);
  if (newKey.form) return newKeyFormLines(newKey.form, width);
  if (cleanup.dialog) return typedConfirmLines(cleanup.dialog.message, width);
  if (revoke.dialog) return dialogHeight(revoke.dialog.message, width);
  return 0;
}

/** Whichever of the key screen's dialogs is open: one at a time. */
export function ApiKeyDialogs({ revoke, cleanup, newKey, width }: ApiKeyDialogsProps) {
  if (newKey.issued) return <IssuedKeyPanel issued={newKey.issued} width={width} />;
  if (newKey.form) return <NewKeyFormView form={newKey.form} width={width} />;
  if (cleanup.dialog) return <TypedConfirmDialog {...cleanup.dialog} width={width} />;
  if (revoke.dialog) return <ConfirmDialog {...revoke.dialog} width={width} />;
  return null;
}
