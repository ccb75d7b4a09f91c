import { sortableOf, type Column } from '../../components/ListView.js';
import { statusTone } from '../../components/theme/index.js';
import { describeCron, upcomingRun } from '../../db/scheduling/index.js';
import type { ScheduleListItem } from '../../db/views/schedules.js';
import { dateInZone, nextRunText, runsText } from './schedule-time.js';

const TYPE_LABEL: Readonly<Record<string, string>> = { reminder: 'reminder', prompt_execution: 'prompt', recurring_job: 'recurring' };

export const scheduleType = (t: string): string => TYPE_LABEL[t] ?? t;
export const scheduleOwner = (s: { userId: string; ownerName: string | null }): string => s.ownerName ?? s.userId;
export const scheduleRepeat = (s: { isRecurring: boolean; cronExpression: string | null }): string => (s.isRecurring && s.cronExpression ? describeCron(s.cronExpression) : 'once');
const expired = (s: ScheduleListItem): boolean => s.expiresAt !== null && Date.parse(s.expiresAt) <= Date.now();

/** From this width the next run shows whole (zone and how soon); below it is cut to the time and zone. */
const WIDE = 120;

/**
 * Each column's `sort` names its order in db/views/schedules.ts; the list starts by next run, soonest first.
 * When the terminal is narrow, expiry, runs, on/off, project, type and next run go in that order
 * (each shown in the detail): owner, status and the prompt always show, so a row still says whose and what.
 */
export function scheduleColumns(width: number): Column<ScheduleListItem>[] {
  return [
    { header: 'Type', width: 9, value: (s) => scheduleType(s.taskType), sort: 'type', drop: 5 },
    { header: 'Owner', width: 9, value: scheduleOwner, sort: 'owner' },
    { header: 'Project', width: 9, value: (s) => s.projectName ?? s.projectId, sort: 'project', drop: 4 },
    { header: 'Status', width: 9, value: (s) => s.status, tone: (s) => statusTone(s.status), sort: 'status' },
    { header: 'On', width: 3, value: (s) => (s.enabled ? 'on' : 'off'), tone: (s) => (s.enabled ? undefined : 'muted'), sort: 'on', drop: 3 },
    // relative to the moment the row is drawn, so it stays true as time passes; none once finished
    { header: 'Next run', width: width >= WIDE ? 40 : 24, value: (s) => nextRunText(upcomingRun(s), s.timezone), sort: 'next', drop: 6 },
    { header: 'Runs', width: 5, value: (s) => runsText(s.executionCount, s.maxExecutions), align: 'right', sort: 'runs', drop: 2 },
    { header: 'Expires', width: 10, value: (s) => dateInZone(s.expiresAt, s.timezone), tone: (s) => (expired(s) ? 'danger' : undefined), sort: 'expires', drop: 1 },
    // what it does, so two schedules of one owner and time can be told apart (inert and cut by ListView)
    { header: 'Prompt', width: 18, value: (s) => s.prompt.replace(/\s+/g, ' '), sort: 'prompt' },
    { header: 'Schedule', width: 0, value: scheduleRepeat, drop: 7 },
  ];
}

export const SCHEDULE_SORTABLE = sortableOf(scheduleColumns(WIDE));
