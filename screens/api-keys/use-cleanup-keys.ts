import { cleanupApiKeys } from '../../db/actions/api-keys.js';
import { cleanupCandidates } from '../../db/views/api-keys.js';
import { useTypedConfirm, type TypedConfirm } from '../../src/hooks/use-typed-confirm.js';
import { useAdminAction } from '../../src/hooks/use-admin-action.js';

export const CLEANUP_WORD = 'cleanup';

export interface CleanupKeys {
  readonly request: () => void;
  readonly dialog: TypedConfirm['dialog'];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `C`: deletes every revoked and expired key once the operator types the word; says how many went. */
export function useCleanupKeys(): CleanupKeys {
  const { db, operator, refusal, flash, run } = useAdminAction('clean up API keys');
  const typed = useTypedConfirm();
  const cleanup = (): void => run(() => `Cleaned up ${plural(cleanupApiKeys(db, operator), 'key')} (revoked or expired); audited as api-key:cleanup.`, 'Nothing cleaned up');
  const request = (): void => {
    if (refusal) return flash(`Cannot clean up: ${refusal}.`, 'warning');
    const c = cleanupCandidates(db);
    if (c.revoked + c.expired === 0) return flash('No revoked or expired keys to clean up.', 'muted');
    typed.ask({
      title: 'Delete revoked and expired API keys?',
      message: `${plural(c.revoked, 'revoked key')} and ${plural(c.expired, 'expired key')} will be deleted for good (the service does the same every 6 hours). Active keys stay.`,
      word: CLEANUP_WORD,
      onConfirm: cleanup,
    });
  };
  return { request, dialog: typed.dialog };
}
