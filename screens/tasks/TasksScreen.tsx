import React from 'react';
import { Box } from 'ink';
import { ListPane } from '../../components/ListPane.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { usePagedList } from '../../src/hooks/use-paged-list.js';
import { useListKeys } from '../../src/hooks/use-list-keys.js';
import { useNavigation } from '../../src/app/navigation.js';
import { isCommand } from '../../src/keymap/keymap.js';
import type { ScreenProps } from '../../src/app/screen-props.js';
import { taskColumns, TASK_SORTABLE } from './task-columns.js';
import { taskFilterIsLive, taskSource, TASK_FILTER_FIELDS } from './task-filter.js';
import { useCancelHint, useCancelTask } from './use-cancel-task.js';
import { dialogHeight } from '../../components/dialog-height.js';

/** 2 Tasks: newest first (< > ~ sort by another column), filtered by status, project, bot, user and prompt text; Enter opens, c cancels (offered on pending, queued and running rows). */
export function TasksScreen({ active, params, width, height }: ScreenProps) {
  const nav = useNavigation();
  const cancel = useCancelTask();
  const paneHeight = height - (cancel.dialog ? dialogHeight(cancel.dialog.message, width) : 0);
  const paged = usePagedList(taskSource, TASK_FILTER_FIELDS, paneHeight - 2, {
    active,
    initialFilter: params.filter,
    empty: 'No tasks in this database.',
    live: taskFilterIsLive, // searches as you type where tasks_fts serves the text
    sortable: TASK_SORTABLE,
  });
  const selected = paged.list.selected;
  useCancelHint(selected, active && !cancel.dialog);
  useListKeys(paged.list, {
    active,
    scope: 'tasks',
    onOpen: () => selected && nav.push('task', { taskId: selected.id }),
    onFilter: paged.filter.open,
    onKey: (k) => {
      if (!isCommand('task.cancel', k.name) || !cancel.request || !selected) return false;
      cancel.request(selected);
      return true;
    },
  });
  return (
    <Box flexDirection="column" height={height}>
      {cancel.dialog ? <ConfirmDialog {...cancel.dialog} width={width} /> : null}
      <ListPane height={paneHeight} filter={{ ...paged.filter, fields: TASK_FILTER_FIELDS, position: paged.position }} list={{ ...paged.view, columns: taskColumns, width, rowKey: (t) => t.id }} />
    </Box>
  );
}
