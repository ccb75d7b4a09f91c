import { projectDetail, projectDetailStats, type ProjectDetail } from '../../db/views/project-detail.js';
import type { ProjectTaskStats } from '../../db/views/projects.js';
import { useServices } from '../../src/app/services.js';
import { useLive } from '../../src/app/live.js';
import { useQuery, ONE_ROW_NOW, type QueryState } from '../../src/hooks/use-query.js';

/** How many of each the detail lists; the list screens hold the rest. */
export const PROJECT_DETAIL_LIMITS = { tasks: 10, schedules: 10, keys: 10 } as const;

export interface ProjectDetailData {
  readonly detail: QueryState<ProjectDetail | undefined>;
  /** the counts read every task of the project: apart, so the page shows first */
  readonly stats: ProjectTaskStats | null;
}

/** One project, re-read when the file changes (data_version). */
export function useProjectDetail(id: string): ProjectDetailData {
  const { db } = useServices();
  const { version } = useLive();
  const detail = useQuery(() => projectDetail(db, id, PROJECT_DETAIL_LIMITS), id, version, ONE_ROW_NOW);
  const stats = useQuery(() => projectDetailStats(db, id), id, version);
  return { detail, stats: stats.status === 'ready' ? stats.data : null };
}
