import React, { useMemo } from 'react';
import { Box } from 'ink';
import { DetailLines } from '../../components/DetailLines.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { StateLine } from '../../components/StateLine.js';
import { scheduleDetail } from '../../db/views/schedules.js';
import { useServices } from '../../src/app/services.js';
import { useLive } from '../../src/app/live.js';
import { useNavigation } from '../../src/app/navigation.js';
import { useFlash } from '../../src/app/flash.js';
import { useQuery, ONE_ROW_NOW } from '../../src/hooks/use-query.js';
import { useStaticList } from '../../src/hooks/use-static-list.js';
import { useListKeys } from '../../src/hooks/use-list-keys.js';
import type { ScreenProps } from '../../src/app/screen-props.js';
import { scheduleDetailLines } from './schedule-detail-lines.js';
import { useScheduleActions } from './use-schedule-actions.js';
import { dialogHeight, scheduleKey } from './schedule-keys.js';

const LABEL = 11;

/** One schedule: every field, its next five runs in its own zone, prompt and metadata; p, c and e work here too. */
export function ScheduleDetailScreen({ active, params, width, height }: ScreenProps) {
  const { db } = useServices();
  const { version } = useLive();
  const nav = useNavigation();
  const { flash } = useFlash();
  const actions = useScheduleActions();
  const id = params.scheduleId ?? '';
  const detail = useQuery(() => scheduleDetail(db, id), id, version, ONE_ROW_NOW);
  const textWidth = Math.max(10, width - LABEL - 3);
  const lines = useMemo(() => (detail.status === 'ready' && detail.data ? scheduleDetailLines(detail.data, textWidth) : []), [detail, textWidth]);
  const bodyHeight = height - dialogHeight(actions.dialog, width);
  const list = useStaticList(lines.length, bodyHeight);
  const schedule = detail.status === 'ready' ? detail.data?.schedule : undefined;
  useListKeys(list, { active, scope: 'schedule', onKey: (k) => scheduleKey(k, schedule, actions, nav, flash, false) });
  if (detail.status !== 'ready' || !detail.data) {
    return (
      <StateLine status={detail.status === 'ready' ? 'missing' : detail.status} error={detail.status === 'error' ? detail.error : undefined} missing={`Schedule ${id} is not in this database.`} />
    );
  }
  return (
    <Box flexDirection="column" height={height}>
      {actions.dialog ? <ConfirmDialog {...actions.dialog} width={width} /> : null}
      <DetailLines lines={lines} cursor={list.cursor} offset={list.offset} height={bodyHeight} labelWidth={LABEL} />
    </Box>
  );
}
