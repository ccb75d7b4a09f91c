import React from 'react';
import { Box, Text } from 'ink';
import { ToneText } from '../../components/theme/index.js';
import { DIALOG_MAX_WIDTH } from '../../components/dialog-height.js';
import { inert } from '../../components/text/inert.js';

/** What each role may do, shown beside it while choosing. */
export const ROLE_NOTES: Readonly<Record<string, string>> = {
  admin: 'everything: roles, users, API keys, every schedule',
  developer: 'tasks, and only their own schedules',
  viewer: 'sees everything, changes nothing',
};

export interface RolePickerViewProps {
  readonly username: string;
  readonly current: string;
  readonly roles: readonly string[];
  readonly cursor: number;
  readonly width: number;
}

/** The role list: `>` and inverse on the one under the cursor, the current one marked. */
export function RolePickerView({ username, current, roles, cursor, width }: RolePickerViewProps) {
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={Math.min(width, DIALOG_MAX_WIDTH)}>
      <ToneText tone="warning">{`Role for ${inert(username)} (now ${inert(current)})`}</ToneText>
      {roles.map((role, i) => (
        <Text key={role} wrap="truncate-end">
          <Text bold>{i === cursor ? '> ' : '  '}</Text>
          <ToneText selected={i === cursor}>{role.padEnd(10)}</ToneText>
          <ToneText tone="muted">{` ${ROLE_NOTES[role] ?? ''}${role === current ? ' (current)' : ''}`}</ToneText>
        </Text>
      ))}
    </Box>
  );
}

/** Lines the picker takes: border, title, one per role. */
export const rolePickerLines = (roles: readonly string[]): number => roles.length + 3;
