import type { Column } from '../../components/ListView.js';
import { statusTone } from '../../components/theme/index.js';
import { formatCost, formatTime } from '../../components/text/format.js';
import type { TaskListItem } from '../../db/views/tasks.js';

export const taskColumns: readonly Column<TaskListItem>[] = [
  { header: 'Created', width: 16, value: (t) => formatTime(t.createdAt) },
  { header: 'Status', width: 9, value: (t) => t.status, tone: (t) => statusTone(t.status) },
  { header: 'Project', width: 14, value: (t) => t.projectName ?? t.projectId },
  { header: 'Bot', width: 8, value: (t) => `${t.botName}` },
  { header: 'User', width: 11, value: (t) => t.slackUserId },
  { header: 'Cost', width: 7, value: (t) => formatCost(t.estimatedCost), align: 'right', tone: (t) => (t.estimatedCost > t.maxBudget ? 'danger' : undefined) },
  { header: 'Prompt', width: 0, value: (t) => `${t.command}: ${t.prompt}` },
];
