import React, { useMemo } from 'react';
import { Box } from 'ink';
import { DetailLines } from '../../components/DetailLines.js';
import { StateLine } from '../../components/StateLine.js';
import { userDetail, userDetailCounts } from '../../db/views/users.js';
import { useServices } from '../../src/app/services.js';
import { useLive } from '../../src/app/live.js';
import { useNavigation } from '../../src/app/navigation.js';
import { useQuery, ONE_ROW_NOW } from '../../src/hooks/use-query.js';
import { useStaticList } from '../../src/hooks/use-static-list.js';
import { useListKeys } from '../../src/hooks/use-list-keys.js';
import { isCommand } from '../../src/keymap/keymap.js';
import type { ScreenProps } from '../../src/app/screen-props.js';
import { userDetailLines } from './user-detail-lines.js';
import { useChangeRole } from './use-change-role.js';
import { useSetActive } from './use-set-active.js';
import { UserDialogs, userDialogLines } from './UserDialogs.js';
import { UserPermissionsTable, permissionsHeight } from './UserPermissionsTable.js';

const LABEL = 11;

/** One user: the row, recent tasks (Enter opens one), permissions per project as a table; e and d as on the list. */
export function UserDetailScreen({ active, params, width, height }: ScreenProps) {
  const { db } = useServices();
  const { version } = useLive();
  const nav = useNavigation();
  const role = useChangeRole();
  const activation = useSetActive();
  const id = params.userId ?? '';
  const detail = useQuery(() => userDetail(db, id), id, version, ONE_ROW_NOW);
  const slackUserId = detail.status === 'ready' ? (detail.data?.user.slackUserId ?? null) : null;
  const counted = useQuery(() => (slackUserId === null ? null : userDetailCounts(db, slackUserId)), slackUserId ?? '', version);
  const counts = counted.status === 'ready' ? counted.data : null;
  const lines = useMemo(() => (detail.status === 'ready' && detail.data ? userDetailLines(detail.data, counts) : []), [detail, counts]);
  const bodyHeight = height - userDialogLines({ role, active: activation, width });
  const permissions = detail.status === 'ready' ? (detail.data?.permissions ?? []) : [];
  const linesHeight = Math.max(1, bodyHeight - permissionsHeight(permissions.length, bodyHeight));
  const list = useStaticList(lines.length, linesHeight);
  const user = detail.status === 'ready' ? detail.data?.user : undefined;
  useListKeys(list, {
    active,
    scope: 'user',
    onOpen: () => {
      const link = lines[list.cursor]?.link;
      if (link?.startsWith('task:')) nav.push('task', { taskId: link.slice('task:'.length) });
    },
    onKey: (k) => {
      if (!user) return false;
      if (isCommand('user.role', k.name)) role.request(user);
      else if (isCommand('user.active', k.name)) activation.request(user);
      else return false;
      return true;
    },
  });
  if (detail.status !== 'ready' || !detail.data) {
    return <StateLine status={detail.status === 'ready' ? 'missing' : detail.status} error={detail.status === 'error' ? detail.error : undefined} missing={`User ${id} is not in this database.`} />;
  }
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <UserDialogs role={role} active={activation} width={width} />
      <DetailLines lines={lines} cursor={list.cursor} offset={list.offset} height={linesHeight} labelWidth={LABEL} />
      <UserPermissionsTable permissions={permissions} width={width} bodyHeight={bodyHeight} />
    </Box>
  );
}
