import { API_KEY_ENV_WARNING, revokeApiKey } from '../../db/actions/api-keys.js';
import type { ApiKeyListItem } from '../../db/views/api-keys.js';
import type { Confirm } from '../../src/hooks/use-confirm.js';
import { useAdminAction } from '../../src/hooks/use-admin-action.js';

export interface RevokeKey {
  readonly request: (key: ApiKeyListItem) => void;
  readonly dialog: Confirm['dialog'];
}

/**
 * `x`: revokes the key after a confirmation that says what it cannot stop (keys from the
 * service's environment), in one transaction with its `api-key:revoked` audit row.
 */
export function useRevokeKey(): RevokeKey {
  const { db, operator, refusal, flash, confirm, run } = useAdminAction('revoke API keys');
  const revoke = (key: ApiKeyListItem): void =>
    run(() => {
      revokeApiKey(db, operator, key.id);
      return `Key ${key.maskedKey} of ${key.agentId} revoked; audited as api-key:revoked.`;
    }, 'Not revoked');
  const request = (key: ApiKeyListItem): void => {
    if (refusal) return flash(`Cannot revoke: ${refusal}.`, 'warning');
    if (key.state === 'revoked') return flash(`Key ${key.maskedKey} is already revoked.`, 'muted');
    confirm.ask({
      title: 'Revoke this API key?',
      message: `${key.maskedKey} of agent ${key.agentId} (${key.state}) will stop working. ${API_KEY_ENV_WARNING}`,
      onYes: () => revoke(key),
    });
  };
  return { request, dialog: confirm.dialog };
}
