import type { Column } from '../../components/ListView.js';
import { formatCost, formatCount } from '../../components/text/format.js';
import type { DB } from '../../db/connection.js';
import type { ProjectRow } from '../../db/types.js';
import { projectListSource, type ProjectTaskStats } from '../../db/views/projects.js';
import type { SortAsk } from '../../db/views/sort.js';
import type { ParsedFilter } from '../../src/hooks/filter-query.js';

export const PROJECT_FILTER_FIELDS = ['agent'] as const;

export const projectSource = (db: DB, f: ParsedFilter, sort?: SortAsk) => projectListSource(db, { text: f.text || undefined, agent: f.fields.agent }, sort);

/** The settings columns sort (db/views/projects.ts); counts and cost are read after the first frame and do not. */
export const PROJECT_SORTABLE = ['name', 'agent', 'model', 'budget', 'active'] as const;

const yes = (b: boolean): string => (b ? 'yes' : 'no');

/** Settings from the row; counts and cost from the stats read after the first frame (… until then). */
export function projectColumns(stats: ReadonlyMap<string, ProjectTaskStats> | null): Column<ProjectRow>[] {
  const stat = (p: ProjectRow, f: (s: ProjectTaskStats) => string): string => (stats ? f(stats.get(p.id) ?? { total: 0, active: 0, failed: 0, cost: 0 }) : '…');
  return [
    { header: 'Name', width: 0, min: 16, value: (p) => p.name, sort: 'name' },
    { header: 'Agent', width: 12, value: (p) => p.agentId, sort: 'agent', drop: 9 },
    { header: 'Model', width: 18, value: (p) => p.defaultModel, sort: 'model', drop: 5 },
    { header: 'Budget', width: 6, value: (p) => formatCost(p.defaultMaxBudget), align: 'right', sort: 'budget', drop: 4 },
    { header: 'Commit', width: 6, value: (p) => yes(p.autoCommitPush), drop: 1 },
    { header: 'Active', width: 6, value: (p) => yes(p.active), tone: (p) => (p.active ? undefined : 'muted'), sort: 'active', drop: 8 },
    { header: 'Tasks', width: 7, value: (p) => stat(p, (s) => formatCount(s.total)), align: 'right', drop: 7 },
    { header: 'Open', width: 5, value: (p) => stat(p, (s) => formatCount(s.active)), align: 'right', drop: 2 },
    { header: 'Failed', width: 6, value: (p) => stat(p, (s) => formatCount(s.failed)), align: 'right', drop: 3 },
    { header: 'Cost', width: 9, value: (p) => stat(p, (s) => formatCost(s.cost)), align: 'right', drop: 6 },
  ];
}
