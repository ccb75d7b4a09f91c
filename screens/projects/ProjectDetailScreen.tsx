import React, { useMemo } from 'react';
import { DetailLines } from '../../components/DetailLines.js';
import { StateLine } from '../../components/StateLine.js';
import { useNavigation } from '../../src/app/navigation.js';
import { useStaticList } from '../../src/hooks/use-static-list.js';
import { useListKeys } from '../../src/hooks/use-list-keys.js';
import type { ScreenProps } from '../../src/app/screen-props.js';
import { projectDetailLines, type ProjectLine } from './project-detail-lines.js';
import { useProjectDetail } from './use-project-detail.js';

const LABEL = 10;

/** One project: settings, counts and cost; its tasks, schedules and keys open with Enter. */
export function ProjectDetailScreen({ active, params, height }: ScreenProps) {
  const nav = useNavigation();
  const id = params.projectId ?? '';
  const { detail, stats } = useProjectDetail(id);
  const data = detail.status === 'ready' ? detail.data : undefined;
  const lines = useMemo<ProjectLine[]>(() => (data ? projectDetailLines(data, stats) : []), [data, stats]);
  const list = useStaticList(lines.length, height);
  useListKeys(list, {
    active,
    scope: 'project',
    onOpen: () => {
      const route = lines[list.cursor]?.route;
      if (route) nav.push(route.screen, { ...route.params });
    },
  });
  if (!data) {
    return <StateLine status={detail.status === 'ready' ? 'missing' : detail.status} error={detail.status === 'error' ? detail.error : undefined} missing={`Project ${id} is not in this database.`} />;
  }
  const shown = lines.map((l) => (l.route ? { ...l, link: 'open' } : l));
  return <DetailLines lines={shown} cursor={list.cursor} offset={list.offset} height={height} labelWidth={LABEL} />;
}
