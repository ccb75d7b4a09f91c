import { sortableOf, type Column } from '../../components/ListView.js';
import { statusTone } from '../../components/theme/index.js';
import { formatCost, formatTime } from '../../components/text/format.js';
import type { TaskListItem } from '../../db/views/tasks.js';

/** Who asked: the username from users, else the Slack id itself (the detail shows both). */
export const taskUser = (t: Pick<TaskListItem, 'userName' | 'slackUserId'>): string => t.userName ?? t.slackUserId;

/** Each column's `sort` names its order in db/views/tasks.ts (past 50,000 tasks only `created` is offered). */
export const taskColumns: readonly Column<TaskListItem>[] = [
  { header: 'Created', width: 16, value: (t) => formatTime(t.createdAt), sort: 'created' },
  { header: 'Status', width: 9, value: (t) => t.status, tone: (t) => statusTone(t.status), sort: 'status' },
  { header: 'Project', width: 14, value: (t) => t.projectName ?? t.projectId, sort: 'project', drop: 4 },
  { header: 'Bot', width: 8, value: (t) => `${t.botName}`, sort: 'bot', drop: 1 },
  { header: 'User', width: 11, value: taskUser, sort: 'user', drop: 3 },
  { header: 'Cost', width: 7, value: (t) => formatCost(t.estimatedCost), align: 'right', tone: (t) => (t.estimatedCost > t.maxBudget ? 'danger' : undefined), sort: 'cost', drop: 2 },
  { header: 'Prompt', width: 0, min: 20, value: (t) => `${t.command}: ${t.prompt}`, sort: 'prompt' },
];

export const TASK_SORTABLE = sortableOf(taskColumns);
