import React from 'react';
import { Box } from 'ink';
import { StaticTable, staticTableHeight, type TableColumn } from '../../components/StaticTable.js';
import { ToneText } from '../../components/theme/index.js';
import type { UserPermissionLine } from '../../db/views/users.js';

const COLUMNS: TableColumn<UserPermissionLine>[] = [
  { title: 'project', text: (p) => p.projectName ?? '(no such project)', min: 8 },
  { title: 'id', text: (p) => p.projectId, min: 6 },
  { title: 'permissions', text: (p) => (p.permissions.ok ? p.permissions.value.join(', ') || 'none' : `(not a JSON list, shown raw) ${p.permissions.raw}`), min: 10 },
];

/** The rows of the table that fit in half the body, at least one. */
export const permissionRows = (bodyHeight: number): number => Math.max(1, Math.floor(bodyHeight / 2) - 5);

/** Lines the permissions block takes: its title and the table. */
export const permissionsHeight = (count: number, bodyHeight: number): number => 1 + staticTableHeight(count, permissionRows(bodyHeight));

/** A user's permissions per project, as a table (raw text where the JSON is malformed). */
export function UserPermissionsTable({ permissions, width, bodyHeight }: { permissions: readonly UserPermissionLine[]; width: number; bodyHeight: number }) {
  return (
    <Box flexDirection="column" flexShrink={0}>
      <ToneText tone="title">Project permissions</ToneText>
      <StaticTable columns={COLUMNS} rows={permissions} width={width} maxRows={permissionRows(bodyHeight)} empty="no project permissions" />
    </Box>
  );
}
