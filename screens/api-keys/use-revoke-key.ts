import { API_KEY_ENV_WARNING, revokeApiKey } from '../../db/actions/api-keys.js';
import type { ApiKeyListItem } from '../../db/views/api-keys.js';
import { useServices } from '../../src/app/services.js';
import { useLive } from '../../src/app/live.js';
import { useFlash } from '../../src/app/flash.js';
import { useConfirm, type Confirm } from '../../src/hooks/use-confirm.js';
import { useAdminRefusal, failureText } from '../../src/hooks/use-admin-refusal.js';

export interface RevokeKey {
  readonly request: (key: ApiKeyListItem) => void;
  readonly dialog: Confirm['dialog'];
}

/**
 * `x`: revokes the key after a confirmation that says what it cannot stop (keys from the
 * service's environment), in one transaction with its `api-key:revoked` audit row.
 */
export function useRevokeKey(): RevokeKey {
  const { db, operator } = useServices();
  const { refresh } = useLive();
  const { flash } = useFlash();
  const confirm = useConfirm();
  const refusal = useAdminRefusal('revoke API keys');
  const run = (key: ApiKeyListItem): void => {
    try {
      revokeApiKey(db, operator, key.id);
      flash(`Key ${key.maskedKey} of ${key.agentId} revoked; audited as api-key:revoked.`, 'success');
    } catch (e) {
      flash(`Not revoked: ${failureText(e)}`, 'danger');
    }
    refresh(); // our own write does not change data_version for this connection
  };
  const request = (key: ApiKeyListItem): void => {
    if (refusal) return flash(`Cannot revoke: ${refusal}.`, 'warning');
    if (key.state === 'revoked') return flash(`Key ${key.maskedKey} is already revoked.`, 'muted');
    confirm.ask({
      title: 'Revoke this API key?',
      message: `${key.maskedKey} of agent ${key.agentId} (${key.state}) will stop working. ${API_KEY_ENV_WARNING}`,
      onYes: () => run(key),
    });
  };
  return { request, dialog: confirm.dialog };
}
