import type { DetailLine } from '../../components/DetailLines.js';
import { inert } from '../../components/text/inert.js';
import { wrapLines } from '../../components/text/wrap.js';
import { statusTone } from '../../components/theme/index.js';
import { formatInZone, formatRelative, nextRuns, upcomingRun } from '../../db/scheduling/index.js';
import type { ScheduleDetail } from '../../db/views/schedules.js';
import { scheduleRepeat } from './schedule-columns.js';
import { nextRunText, runsText } from './schedule-time.js';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** A stored time in the schedule's zone and as stored (UTC); blank stays blank. */
function time(label: string, iso: string | null, zone: string, now: Date): DetailLine {
  if (!iso) return { label, text: '—', tone: 'muted' };
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return { label, text: inert(iso), tone: 'warning' };
  return { label, text: `${formatInZone(at, zone)} · ${iso} · ${formatRelative(at, now)}` };
}

function block(label: string, text: string, width: number, tone?: DetailLine['tone']): DetailLine[] {
  return wrapLines(inert(text, true), width).map((line, i) => ({ label: i === 0 ? label : undefined, text: line, tone }));
}

/** The next five runs of a recurring schedule in its own zone (a cron the service stored badly says why). */
function upcoming(cron: string, zone: string, now: Date): DetailLine[] {
  try {
    return nextRuns(cron, zone, 5, now).map((r, i) => ({ label: i === 0 ? 'next five' : undefined, text: `${formatInZone(r, zone)} · ${formatRelative(r, now)}` }));
  } catch (e) {
    return [{ label: 'next five', text: inert(message(e)), tone: 'danger' }];
  }
}

/** Every field of a schedule, its next runs, its prompt and its metadata (pretty, or raw when malformed). */
export function scheduleDetailLines(d: ScheduleDetail, width: number, now: Date = new Date()): DetailLine[] {
  const s = d.schedule;
  const zone = s.timezone;
  // a completed, cancelled or failed schedule never runs again, whatever next_execution_at still holds
  const next = upcomingRun(s);
  const lines: DetailLine[] = [
    { label: 'schedule', text: s.id },
    { label: 'type', text: `${inert(s.taskType)} · bot ${inert(s.botName)} · command ${inert(s.command)}` },
    { label: 'status', text: `${s.status} · ${s.enabled ? 'enabled' : 'disabled'}`, tone: statusTone(s.status) },
    { label: 'owner', text: d.ownerName ? `${inert(s.userId)} (${inert(d.ownerName)})` : inert(s.userId) },
    { label: 'project', text: `${inert(d.projectName ?? '?')} (${inert(s.projectId)})` },
    { label: 'channel', text: `${inert(s.slackChannelId)}${s.slackThreadTs ? ` · thread ${inert(s.slackThreadTs)}` : ''}` },
    { label: 'timezone', text: inert(zone) },
    { label: 'repeats', text: s.isRecurring ? `${inert(s.cronExpression ?? '')} · ${inert(scheduleRepeat(s))}` : 'once' },
    { label: 'next run', text: next ? `${nextRunText(next, zone, now)} · ${next}` : '—', tone: next ? undefined : 'muted' },
  ];
  if (next && s.isRecurring && s.cronExpression) lines.push(...upcoming(s.cronExpression, zone, now));
  lines.push(
    time('scheduled', s.scheduledFor, zone, now),
    { label: 'runs', text: `${runsText(s.executionCount, s.maxExecutions)}${s.maxExecutions == null ? ' (no limit)' : ''}` },
    time('last run', s.lastExecutedAt, zone, now),
    time('triggered', s.lastTriggeredAt, zone, now),
    time('expires', s.expiresAt, zone, now),
    time('created', s.createdAt, zone, now),
    time('updated', s.updatedAt, zone, now),
    { label: '', text: '' },
    ...block('prompt', s.prompt, width),
    { label: '', text: '' },
  );
  if (!d.metadata.ok) lines.push(...block('metadata', `(not a JSON object, shown raw) ${d.metadata.raw}`, width, 'warning'));
  else lines.push(...block('metadata', JSON.stringify(d.metadata.value, null, 2), width));
  return lines;
}
