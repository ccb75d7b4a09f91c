import type { Column } from '../../components/ListView.js';
import { statusTone } from '../../components/theme/index.js';
import { describeCron, upcomingRun } from '../../db/scheduling/index.js';
import type { ScheduleListItem } from '../../db/views/schedules.js';
import { dateInZone, nextRunText, runsText } from './schedule-time.js';

const TYPE_LABEL: Readonly<Record<string, string>> = { reminder: 'reminder', prompt_execution: 'prompt', recurring_job: 'recurring' };

export const scheduleType = (t: string): string => TYPE_LABEL[t] ?? t;
export const scheduleOwner = (s: { userId: string; ownerName: string | null }): string => s.ownerName ?? s.userId;
export const scheduleRepeat = (s: { isRecurring: boolean; cronExpression: string | null }): string =>
  s.isRecurring && s.cronExpression ? describeCron(s.cronExpression) : 'once';
const expired = (s: ScheduleListItem): boolean => s.expiresAt !== null && Date.parse(s.expiresAt) <= Date.now();

export const scheduleColumns: readonly Column<ScheduleListItem>[] = [
  { header: 'Type', width: 9, value: (s) => scheduleType(s.taskType) },
  { header: 'Owner', width: 9, value: scheduleOwner },
  { header: 'Project', width: 9, value: (s) => s.projectName ?? s.projectId },
  { header: 'Status', width: 9, value: (s) => s.status, tone: (s) => statusTone(s.status) },
  { header: 'On', width: 3, value: (s) => (s.enabled ? 'on' : 'off'), tone: (s) => (s.enabled ? undefined : 'muted') },
  // relative to the moment the row is drawn, so it stays true as time passes; none once finished
  { header: 'Next run', width: 40, value: (s) => nextRunText(upcomingRun(s), s.timezone) },
  { header: 'Runs', width: 5, value: (s) => runsText(s.executionCount, s.maxExecutions), align: 'right' },
  { header: 'Expires', width: 10, value: (s) => dateInZone(s.expiresAt, s.timezone), tone: (s) => (expired(s) ? 'danger' : undefined) },
  { header: 'Schedule', width: 0, value: scheduleRepeat },
];
