import React, { useMemo } from 'react';
import { Box } from 'ink';
import { ListPane } from '../../components/ListPane.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { usePagedList } from '../../src/hooks/use-paged-list.js';
import { useListKeys } from '../../src/hooks/use-list-keys.js';
import { useNavigation } from '../../src/app/navigation.js';
import { useFlash } from '../../src/app/flash.js';
import type { ScreenProps } from '../../src/app/screen-props.js';
import { scheduleColumns, SCHEDULE_SORTABLE } from './schedule-columns.js';
import { scheduleSource, SCHEDULE_FILTER_FIELDS } from './schedule-filter.js';
import { useScheduleActions } from './use-schedule-actions.js';
import { dialogHeight, scheduleKey } from './schedule-keys.js';

/** 6 Schedules: next run soonest first (< > ~ sort by another column), filtered by status, owner, project, type; p pauses or resumes, c cancels, n creates, e edits. */
export function SchedulesScreen({ active, params, width, height }: ScreenProps) {
  const nav = useNavigation();
  const { flash } = useFlash();
  const actions = useScheduleActions();
  const paneHeight = height - dialogHeight(actions.dialog, width);
  const paged = usePagedList(scheduleSource, SCHEDULE_FILTER_FIELDS, paneHeight - 2, {
    active,
    initialFilter: params.filter,
    empty: 'No schedules in this database.',
    sortable: SCHEDULE_SORTABLE,
  });
  const columns = useMemo(() => scheduleColumns(width), [width]);
  const selected = paged.list.selected;
  useListKeys(paged.list, {
    active,
    scope: 'schedules',
    onOpen: () => selected && nav.push('schedule', { scheduleId: selected.id }),
    onFilter: paged.filter.open,
    onKey: (k) => scheduleKey(k, selected, actions, nav, flash, true),
  });
  return (
    <Box flexDirection="column" height={height}>
      {actions.dialog ? <ConfirmDialog {...actions.dialog} width={width} /> : null}
      <ListPane height={paneHeight} filter={{ ...paged.filter, fields: SCHEDULE_FILTER_FIELDS, position: paged.position }} list={{ ...paged.view, columns, width, rowKey: (s) => s.id }} />
    </Box>
  );
}
