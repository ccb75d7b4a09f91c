import React, { useMemo } from 'react';
import { Box } from 'ink';
import { ListPane } from '../../components/ListPane.js';
import { usePagedList } from '../../src/hooks/use-paged-list.js';
import { useListKeys } from '../../src/hooks/use-list-keys.js';
import { isCommand } from '../../src/keymap/keymap.js';
import { useNavigation } from '../../src/app/navigation.js';
import type { ScreenProps } from '../../src/app/screen-props.js';
import { apiKeyColumns, apiKeySource, API_KEY_FILTER_FIELDS, API_KEY_SORTABLE } from './api-key-list.js';
import { useRevokeKey } from './use-revoke-key.js';
import { useCleanupKeys } from './use-cleanup-keys.js';
import { useNewKey } from './use-new-key.js';
import { ApiKeyDialogs, apiKeyDialogLines } from './ApiKeyDialogs.js';

/** 5 API keys: state, times, the key masked; x revokes, C cleans up, n issues a key shown once, Enter shows its audit trail. */
export function ApiKeysScreen({ active, params, width, height }: ScreenProps) {
  const nav = useNavigation();
  const revoke = useRevokeKey();
  const cleanup = useCleanupKeys();
  const newKey = useNewKey();
  const paneHeight = height - apiKeyDialogLines({ revoke, cleanup, newKey, width });
  const paged = usePagedList(apiKeySource, API_KEY_FILTER_FIELDS, paneHeight - 2, {
    active,
    initialFilter: params.filter,
    empty: 'No API keys in this database.',
    sortable: API_KEY_SORTABLE,
  });
  const columns = useMemo(() => apiKeyColumns(width), [width]);
  const selected = paged.list.selected;
  useListKeys(paged.list, {
    active,
    scope: 'api-keys',
    onOpen: () => selected && nav.push('audit', { filter: `type:api_key resource:${selected.id}` }),
    onFilter: paged.filter.open,
    onKey: (k) => {
      if (isCommand('apiKey.revoke', k.name) && selected) revoke.request(selected);
      else if (isCommand('apiKey.cleanup', k.name)) cleanup.request();
      else if (isCommand('apiKey.new', k.name)) newKey.request(selected?.agentId ?? '');
      else return false;
      return true;
    },
  });
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <ApiKeyDialogs revoke={revoke} cleanup={cleanup} newKey={newKey} width={width} />
      <ListPane height={paneHeight} filter={{ ...paged.filter, fields: API_KEY_FILTER_FIELDS, position: paged.position }} list={{ ...paged.view, columns, width, rowKey: (k) => k.id }} />
    </Box>
  );
}
