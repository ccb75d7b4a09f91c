import { and, asc, count, desc, eq, gt, inArray, isNotNull, lte, type SQL } from 'drizzle-orm';
import { BaseRepository } from './base.js';
import { found } from './rows.js';
import { writeTransaction, type DB } from '../connection.js';
import { assertWritable } from '../tables.js';
import { selectMany, insertRow, updateOne, deleteSome } from './queries.js';
import { assertQuota, QUOTA_STATUSES } from '../scheduling/rules.js';
import { planResume, planExecuted, assertTransition, type StoredChange, type TransitionKind } from './scheduled-tasks-transitions.js';
import { storedPatch, entersQuota } from './scheduled-tasks-patch.js';
import { assertKnownKeys, newScheduleValues } from './scheduled-tasks-create.js';
import { SCHEDULE_FILTERS } from './scheduled-tasks-types.js';
import type { ScheduledTaskRow } from '../types.js';
import type { NewScheduledTask, ResumeOptions, ResumeResult, ScheduledTaskFilter, ScheduledTaskPatch } from './scheduled-tasks-types.js';

export type * from './scheduled-tasks-types.js';
export { PastDueError, TRANSITION_FROM, assertTransition, type TransitionKind } from './scheduled-tasks-transitions.js';

const RUNNABLE = ['pending', 'active'];

/**
 * scheduled_tasks with the spec's rules (quota, hourly minimum, one-shot window, expiry, timezone)
 * and the service's kinds (cron: recurring_job; reminder: system/remind; scheduling/kind.ts)
 * enforced on create and on every update that changes a time, so every caller gets them.
 * `clock` is injectable so tests can stand on either side of a daylight-saving change.
 */
export class ScheduledTaskRepository extends BaseRepository {
  constructor(
    db: DB,
    private readonly clock: () => Date = () => new Date(),
  ) {
    super(db);
  }

  /** The service's create(data): every schedule rule applied (scheduling/validate.ts), the quota counted in the same transaction. */
  create(data: NewScheduledTask): ScheduledTaskRow {
    const t = this.tables.scheduledTasks;
    assertWritable(t);
    return writeTransaction(this.db, () =>
      insertRow(
        this.db,
        t,
        newScheduleValues(data, this.clock(), (owner) => this.countByUser(owner)),
      ),
    );
  }

  findById(id: string): ScheduledTaskRow | undefined {
    return this.select(eq(this.tables.scheduledTasks.table.id, id))[0];
  }

  /** Newest first; every filter optional. */
  findAll(options: ScheduledTaskFilter = {}): ScheduledTaskRow[] {
    // the service's SchedulerService passes its filters untyped: an unknown one is refused, not ignored
    assertKnownKeys(options, SCHEDULE_FILTERS, 'scheduled task filter');
    const c = this.tables.scheduledTasks.table;
    const statuses = typeof options.status === 'string' ? [options.status] : options.status;
    const where = and(
      statuses ? inArray(c.status, [...statuses]) : undefined,
      options.projectId !== undefined ? eq(c.projectId, options.projectId) : undefined,
      options.userId !== undefined ? eq(c.userId, options.userId) : undefined,
      options.taskType !== undefined ? eq(c.taskType, options.taskType) : undefined,
      options.enabled !== undefined ? eq(c.enabled, options.enabled) : undefined,
    );
    return this.select(where, [desc(c.createdAt), desc(c.id)], options.limit);
  }

  findByProjectId(projectId: string): ScheduledTaskRow[] {
    return this.findAll({ projectId });
  }

  findByUserId(slackUserId: string): ScheduledTaskRow[] {
    return this.findAll({ userId: slackUserId });
  }

  /** What the scheduler fires now: next run reached, enabled, pending or active; oldest first. */
  findDue(now: Date = this.clock()): ScheduledTaskRow[] {
    const c = this.tables.scheduledTasks.table;
    return this.select(and(this.runnable(), lte(c.nextExecutionAt, now.toISOString())), [asc(c.nextExecutionAt), asc(c.id)]);
  }

  /** The next runs still ahead, soonest first. */
  findUpcoming(limit = 10): ScheduledTaskRow[] {
    const c = this.tables.scheduledTasks.table;
    return this.select(and(this.runnable(), gt(c.nextExecutionAt, this.clock().toISOString())), [asc(c.nextExecutionAt), asc(c.id)], limit);
  }

  /** Enabled pending or active schedules, soonest first. */
  findActive(): ScheduledTaskRow[] {
    const c = this.tables.scheduledTasks.table;
    return this.select(this.runnable(), [asc(c.nextExecutionAt), asc(c.id)]);
  }

  findByStatus(status: string): ScheduledTaskRow[] {
    const c = this.tables.scheduledTasks.table;
    return this.select(eq(c.status, status), [asc(c.nextExecutionAt), asc(c.id)]);
  }

  update(id: string, patch: ScheduledTaskPatch): ScheduledTaskRow {
    return writeTransaction(this.db, () => {
      const before = this.existing(id);
      const set = storedPatch(before, patch, this.clock());
      if (entersQuota(before, patch)) assertQuota(before.userId, this.countByUser(before.userId));
      return this.write(id, set);
    });
  }

  pause(id: string): ScheduledTaskRow {
    return this.transition(id, 'pause', () => ({ status: 'paused', enabled: false }));
  }

  /** Recomputes next_execution_at; a past one-shot is refused (PastDueError) unless `fireNow`. */
  resume(id: string, opts: ResumeOptions = {}): ResumeResult {
    let warning: string | undefined;
    const row = this.transition(id, 'resume', (before) => {
      const plan = planResume(before, this.clock(), opts);
      warning = plan.warning;
      return plan.set;
    });
    return warning ? { row, warning } : { row };
  }

  cancel(id: string): ScheduledTaskRow {
    return this.transition(id, 'cancel', () => ({ status: 'cancelled', enabled: false }));
  }

  /** Counts a run; a recurring schedule moves to its next run or completes, a one-shot completes. */
  markExecuted(id: string): ScheduledTaskRow {
    return writeTransaction(this.db, () => {
      const before = this.existing(id);
      return this.write(id, planExecuted(before, this.clock()));
    });
  }

  delete(id: string): void {
    const t = this.tables.scheduledTasks;
    deleteSome(this.db, t, eq(t.table.id, id), 'scheduled task', id);
  }

  /** The owner's schedules that count against the quota: pending, active and paused. */
  countByUser(slackUserId: string): number {
    const t = this.tables.scheduledTasks;
    if (!t.exists) return 0;
    const where = and(eq(t.table.userId, slackUserId), inArray(t.table.status, [...QUOTA_STATUSES]));
    return this.db.select({ n: count() }).from(t.table).where(where).get()?.n ?? 0;
  }

  private runnable(): SQL | undefined {
    const c = this.tables.scheduledTasks.table;
    return and(eq(c.enabled, true), inArray(c.status, RUNNABLE), isNotNull(c.nextExecutionAt));
  }

  private existing(id: string): ScheduledTaskRow {
    return found(this.findById(id), 'scheduled task', id);
  }

  private select(where: SQL | undefined, orderBy: SQL[] = [], limit?: number): ScheduledTaskRow[] {
    return selectMany(this.db, this.tables.scheduledTasks, where, { orderBy, limit });
  }

  private write(id: string, set: StoredChange): ScheduledTaskRow {
    const t = this.tables.scheduledTasks;
    return updateOne(this.db, t, { ...set, updatedAt: this.clock().toISOString() }, eq(t.table.id, id), 'scheduled task', id);
  }

  /** Re-reads the row in one transaction and refuses a transition its current status does not allow. */
  private transition(id: string, kind: TransitionKind, plan: (row: ScheduledTaskRow) => StoredChange): ScheduledTaskRow {
    return writeTransaction(this.db, () => {
      const before = this.existing(id);
      assertTransition(before, kind);
      return this.write(id, plan(before));
    });
  }
}
