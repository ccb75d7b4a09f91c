import React, { useMemo } from 'react';
import { Box } from 'ink';
import { ListPane } from '../../components/ListPane.js';
import { userPageExtras } from '../../db/views/users.js';
import { usePagedList } from '../../src/hooks/use-paged-list.js';
import { useListKeys } from '../../src/hooks/use-list-keys.js';
import { useQuery } from '../../src/hooks/use-query.js';
import { useNavigation } from '../../src/app/navigation.js';
import { useServices } from '../../src/app/services.js';
import { useLive } from '../../src/app/live.js';
import { isCommand } from '../../src/keymap/keymap.js';
import type { ScreenProps } from '../../src/app/screen-props.js';
import { userColumns, userSource, USER_FILTER_FIELDS, USER_SORTABLE } from './user-list.js';
import { useChangeRole } from './use-change-role.js';
import { useSetActive } from './use-set-active.js';
import { UserDialogs, userDialogLines } from './UserDialogs.js';

/** 4 Users: role, active, rate limit, task counts and project permissions; e changes the role, d (de)activates. */
export function UsersScreen({ active, params, width, height }: ScreenProps) {
  const { db } = useServices();
  const { version } = useLive();
  const nav = useNavigation();
  const role = useChangeRole();
  const activation = useSetActive();
  const paneHeight = height - userDialogLines({ role, active: activation, width });
  const paged = usePagedList(userSource, USER_FILTER_FIELDS, paneHeight - 2, {
    active,
    initialFilter: params.filter,
    empty: 'No users in this database.',
    sortable: USER_SORTABLE,
  });
  const rows = paged.view.rows;
  // Task counts read the tasks table: one grouped query for the users on screen, after the frame.
  const extras = useQuery(() => userPageExtras(db, rows), rows.map((u) => `${u.id}`).join(','), version);
  const columns = useMemo(() => userColumns(extras.status === 'ready' ? extras.data : null), [extras]);
  const selected = paged.list.selected;
  useListKeys(paged.list, {
    active,
    scope: 'users',
    onOpen: () => selected && nav.push('user', { userId: selected.id }),
    onFilter: paged.filter.open,
    onKey: (k) => {
      if (!selected) return false;
      if (isCommand('user.role', k.name)) role.request(selected);
      else if (isCommand('user.active', k.name)) activation.request(selected);
      else return false;
      return true;
    },
  });
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <UserDialogs role={role} active={activation} width={width} />
      <ListPane height={paneHeight} filter={{ ...paged.filter, fields: USER_FILTER_FIELDS, position: paged.position }} list={{ ...paged.view, columns, width, rowKey: (u) => u.id }} />
    </Box>
  );
}
