import React, { useMemo } from 'react';
import { ListPane } from '../../components/ListPane.js';
import { projectTaskStats } from '../../db/views/projects.js';
import { usePagedList } from '../../src/hooks/use-paged-list.js';
import { useListKeys } from '../../src/hooks/use-list-keys.js';
import { useQuery } from '../../src/hooks/use-query.js';
import { useNavigation } from '../../src/app/navigation.js';
import { useServices } from '../../src/app/services.js';
import { useLive } from '../../src/app/live.js';
import type { ScreenProps } from '../../src/app/screen-props.js';
import { projectColumns, projectSource, PROJECT_FILTER_FIELDS, PROJECT_SORTABLE } from './project-list.js';

/** 9 Projects: settings, task counts and spend; Enter opens the project (its tasks, schedules and keys from there). */
export function ProjectsScreen({ active, params, width, height }: ScreenProps) {
  const { db } = useServices();
  const { version } = useLive();
  const nav = useNavigation();
  const paged = usePagedList(projectSource, PROJECT_FILTER_FIELDS, height - 2, {
    active,
    initialFilter: params.filter,
    empty: 'No projects in this database.',
    sortable: PROJECT_SORTABLE,
  });
  const ids = paged.view.rows.map((p) => p.id);
  // Counting a project's tasks reads its rows: only for the projects on screen, after the frame.
  const stats = useQuery(() => projectTaskStats(db, ids), ids.join(','), version);
  const columns = useMemo(() => projectColumns(stats.status === 'ready' ? stats.data : null), [stats]);
  const selected = paged.list.selected;
  useListKeys(paged.list, {
    active,
    scope: 'projects',
    onOpen: () => selected && nav.push('project', { projectId: selected.id, name: selected.name }),
    onFilter: paged.filter.open,
  });
  return <ListPane height={height} filter={{ ...paged.filter, fields: PROJECT_FILTER_FIELDS, position: paged.position }} list={{ ...paged.view, columns, width, rowKey: (p) => p.id }} />;
}
