import React, { useMemo } from 'react';
import { DetailLines, type DetailLine } from '../../components/DetailLines.js';
import { statusTone } from '../../components/theme/index.js';
import { StateLine } from '../../components/StateLine.js';
import { formatCost, formatCount, formatTime } from '../../components/text/format.js';
import { inert } from '../../components/text/inert.js';
import { sessionDetail } from '../../db/views/sessions.js';
import type { SessionRow } from '../../db/types.js';
import { useServices } from '../../src/app/services.js';
import { useLive } from '../../src/app/live.js';
import { useNavigation } from '../../src/app/navigation.js';
import { useQuery, ONE_ROW_NOW } from '../../src/hooks/use-query.js';
import { useStaticList } from '../../src/hooks/use-static-list.js';
import { useListKeys } from '../../src/hooks/use-list-keys.js';
import type { ScreenProps } from '../../src/app/screen-props.js';

const sessionLines = (s: SessionRow): DetailLine[] => [
  { label: 'session', text: s.id },
  { label: 'status', text: s.status, tone: statusTone(s.status) },
  { label: 'task', text: s.taskId, link: s.taskId },
  { label: 'agent', text: inert(s.agentId) },
  { label: 'model', text: inert(s.model) },
  { label: 'tokens', text: `${formatCount(s.inputTokens)} in, ${formatCount(s.outputTokens)} out` },
  { label: 'cost', text: formatCost(s.estimatedCost) },
  { label: 'duration', text: s.durationMs == null ? 'unknown' : `${formatCount(Math.round(s.durationMs / 1000))} s` },
  { label: 'created', text: formatTime(s.createdAt) },
  { label: 'completed', text: formatTime(s.completedAt) || 'not yet' },
];

/** One session, opened from the sessions list or a task; Enter on the task line opens the task. */
export function SessionDetailScreen({ active, params, height }: ScreenProps) {
  const { db } = useServices();
  const { version } = useLive();
  const nav = useNavigation();
  const id = params.sessionId ?? '';
  const session = useQuery(() => sessionDetail(db, id), id, version, ONE_ROW_NOW);
  const lines = useMemo(() => (session.status === 'ready' && session.data ? sessionLines(session.data) : []), [session]);
  const list = useStaticList(lines.length, height);
  useListKeys(list, {
    active,
    scope: 'session',
    onOpen: () => {
      const link = lines[list.cursor]?.link;
      if (link) nav.push('task', { taskId: link });
    },
  });
  if (session.status !== 'ready' || !session.data) {
    return (
      <StateLine status={session.status === 'ready' ? 'missing' : session.status} error={session.status === 'error' ? session.error : undefined} missing={`Session ${id} is not in this database.`} />
    );
  }
  return <DetailLines lines={lines} cursor={list.cursor} offset={list.offset} height={height} labelWidth={10} />;
}
