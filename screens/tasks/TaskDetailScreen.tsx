import React, { useMemo } from 'react';
import { Box } from 'ink';
import { DetailLines } from '../../components/DetailLines.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { StateLine } from '../../components/StateLine.js';
import { taskDetail } from '../../db/views/task-detail.js';
import { useServices } from '../../src/app/services.js';
import { useLive } from '../../src/app/live.js';
import { useNavigation } from '../../src/app/navigation.js';
import { useQuery, ONE_ROW_NOW } from '../../src/hooks/use-query.js';
import { useStaticList } from '../../src/hooks/use-static-list.js';
import { useListKeys } from '../../src/hooks/use-list-keys.js';
import { isCommand } from '../../src/keymap/keymap.js';
import type { ScreenProps } from '../../src/app/screen-props.js';
import { taskDetailLines } from './task-detail-lines.js';
import { useCancelHint, useCancelTask } from './use-cancel-task.js';
import { dialogHeight } from '../../components/dialog-height.js';

const LABEL = 10;

/** One task: prompt, result, error, files, commands, cost against budget; parent, subtasks and sessions open with Enter. */
export function TaskDetailScreen({ active, params, width, height }: ScreenProps) {
  const { db } = useServices();
  const { version } = useLive();
  const nav = useNavigation();
  const cancel = useCancelTask();
  const id = params.taskId ?? '';
  const detail = useQuery(() => taskDetail(db, id), id, version, ONE_ROW_NOW);
  const textWidth = Math.max(10, width - LABEL - 3);
  const lines = useMemo(() => (detail.status === 'ready' && detail.data ? taskDetailLines(detail.data, textWidth) : []), [detail, textWidth]);
  const bodyHeight = height - (cancel.dialog ? dialogHeight(cancel.dialog.message, width) : 0);
  useCancelHint(detail.status === 'ready' ? detail.data?.task : undefined, active && !cancel.dialog);
  const list = useStaticList(lines.length, bodyHeight);
  useListKeys(list, {
    active,
    scope: 'task',
    onOpen: () => {
      const link = lines[list.cursor]?.link;
      if (!link) return;
      const [kind, target] = [link.slice(0, link.indexOf(':')), link.slice(link.indexOf(':') + 1)];
      nav.push(kind, kind === 'task' ? { taskId: target } : { sessionId: target });
    },
    onKey: (k) => {
      if (!isCommand('task.cancel', k.name) || !cancel.request || detail.status !== 'ready' || !detail.data) return false;
      cancel.request(detail.data.task);
      return true;
    },
  });
  if (detail.status !== 'ready' || !detail.data) {
    return <StateLine status={detail.status === 'ready' ? 'missing' : detail.status} error={detail.status === 'error' ? detail.error : undefined} missing={`Task ${id} is not in this database.`} />;
  }
  return (
    <Box flexDirection="column" height={height}>
      {cancel.dialog ? <ConfirmDialog {...cancel.dialog} width={width} /> : null}
      <DetailLines lines={lines} cursor={list.cursor} offset={list.offset} height={bodyHeight} labelWidth={LABEL} />
    </Box>
  );
}
