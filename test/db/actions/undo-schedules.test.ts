import { beforeEach, describe, expect, it } from 'vitest';
import { cancelSchedule, pauseSchedule, resumeSchedule, updateSchedule } from '../../../db/actions/schedules.js';
import { updateProject } from '../../../db/actions/projects.js';
import { planUndo, undoAuditEntry } from '../../../db/actions/undo.js';
import { ScheduledTaskRepository } from '../../../db/repositories/scheduled-tasks.js';
import { ProjectRepository } from '../../../db/repositories/projects.js';
import { ConflictError, PermissionError } from '../../../db/errors.js';
import type { Connection } from '../../../db/connection.js';
import type { ScheduledTaskRow } from '../../../db/types.js';
import { freshDatabase } from '../../helpers/temp-db.js';
import { insertProject, oneShot, recurring } from '../scheduling/fixtures.js';
import { changes, operator, service, snapshot } from './harness.js';
import { auditById, lastAuditId, serviceAudit } from './undo-harness.js';

let conn: Connection;
let repo: ScheduledTaskRepository;
let once: ScheduledTaskRow; // one-shot, owned by U_DEV
let cron: ScheduledTaskRow; // recurring, owned by U_DEV

const admin = operator();
const dev = operator({ id: 'U_DEV', role: 'developer' });

beforeEach(() => {
  conn = freshDatabase();
  const project = insertProject(conn.db);
  repo = new ScheduledTaskRepository(conn.db);
  once = repo.create(oneShot(project, new Date()));
  cron = repo.create(recurring(project));
});

/** Undoes and checks it changed exactly the schedule and wrote one audit row naming the entry. */
function undo(entry: number, op = admin) {
  const before = snapshot(conn.sqlite);
  const result = undoAuditEntry(conn.db, op, entry);
  expect(changes(before, snapshot(conn.sqlite))).toEqual({ scheduled_tasks: 1, audit_logs: 1 });
  const a = auditById(conn.sqlite, result.audit.id);
  expect(a.metadata.undoes).toBe(entry);
  return a;
}

describe('undoing a pause, a resume, an edit', () => {
  it('a pause is undone by resuming (scheduled_task.resumed), and that undo by pausing again', () => {
    pauseSchedule(conn.db, dev, once.id);
    const paused = lastAuditId(conn.sqlite);
    expect(planUndo(conn.db, dev, paused)).toMatchObject({
      ok: true,
      plan: {
        action: 'scheduled_task.resumed',
        changes: [
          { field: 'status', from: 'paused', to: 'pending' },
          { field: 'enabled', from: false, to: true },
        ],
      },
    });
    const resumed = undo(paused, dev);
    expect(resumed).toMatchObject({ action: 'scheduled_task.resumed', user_id: 'U_DEV', resource_type: 'scheduled_task', resource_id: once.id });
    expect(repo.findById(once.id)).toMatchObject({ status: 'pending', enabled: true, nextExecutionAt: once.nextExecutionAt });
    const repaused = undo(resumed.id, dev);
    expect(repaused.action).toBe('scheduled_task.paused');
    expect(repo.findById(once.id)).toMatchObject({ status: 'paused', enabled: false });
  });

  it('a resume is undone by pausing (scheduled_task.paused)', () => {
    pauseSchedule(conn.db, admin, cron.id);
    resumeSchedule(conn.db, admin, cron.id);
    const a = undo(lastAuditId(conn.sqlite));
    expect(a.action).toBe('scheduled_task.paused');
    expect(a.metadata.after).toMatchObject({ status: 'paused', enabled: false });
    expect(repo.findById(cron.id)).toMatchObject({ status: 'paused', enabled: false });
  });

  it('an edit is undone by editing back: old prompt and cron, next run recomputed, the service keys beside before/after', () => {
    updateSchedule(conn.db, dev, cron.id, { prompt: 'triage new issues', cron: '30 10 * * 1-5' });
    const edit = lastAuditId(conn.sqlite);
    const check = planUndo(conn.db, dev, edit);
    expect(check).toMatchObject({ ok: true, plan: { action: 'scheduled_task.updated', note: expect.stringMatching(/next run is recomputed/) } });
    expect(check.ok && check.plan.changes).toEqual([
      { field: 'prompt', from: 'triage new issues', to: 'review open pull requests' },
      { field: 'cronExpression', from: '30 10 * * 1-5', to: '0 9 * * 1-5' },
    ]);
    const a = undo(edit, dev);
    expect(a).toMatchObject({ action: 'scheduled_task.updated', metadata: { prompt: 'review open pull requests', cronExpression: '0 9 * * 1-5' } });
    const now = repo.findById(cron.id)!;
    expect(now).toMatchObject({ prompt: 'review open pull requests', cronExpression: '0 9 * * 1-5', status: 'active' });
    expect(now.nextExecutionAt).toBe(cron.nextExecutionAt);
  });
  it("a one-shot's new time is undone by its old time, checked by the same rules", () => {
    updateSchedule(conn.db, dev, once.id, { when: new Date(Date.now() + 3 * 3_600_000) });
    const a = undo(lastAuditId(conn.sqlite), dev);
    expect(a.metadata).toMatchObject({ scheduledFor: once.scheduledFor });
    expect(repo.findById(once.id)).toMatchObject({ scheduledFor: once.scheduledFor, nextExecutionAt: once.nextExecutionAt, status: 'pending' });
  });
});

describe('refusals', () => {
  it('refuses undoing a pause after the service cancelled the schedule in between, naming its audit entry', () => {
    pauseSchedule(conn.db, dev, once.id);
    const paused = lastAuditId(conn.sqlite);
    const s = service(conn);
    s.prepare("UPDATE scheduled_tasks SET status = 'cancelled', enabled = 0, updated_at = ? WHERE id = ?").run(new Date().toISOString(), once.id);
    const by = serviceAudit(s, 'scheduled_task.cancelled', 'scheduled_task', once.id, 'U_OPS');
    const before = snapshot(conn.sqlite);
    const check = planUndo(conn.db, dev, paused);
    expect(check).toEqual({
      ok: false,
      reason: expect.stringMatching(
        new RegExp(`^schedule ${once.id} \\(reminder of U_DEV\\) changed since: status is now "cancelled", not "paused"; last changed in #${by} \\(scheduled_task.cancelled\\) by U_OPS at `),
      ),
    });
    expect(() => undoAuditEntry(conn.db, dev, paused)).toThrow(ConflictError);
    expect(changes(before, snapshot(conn.sqlite))).toEqual({});
  });

  it('refuses undoing a resume after the scheduler fired the one-shot and completed it', () => {
    pauseSchedule(conn.db, admin, once.id);
    resumeSchedule(conn.db, admin, once.id);
    const resumed = lastAuditId(conn.sqlite);
    const at = new Date().toISOString();
    service(conn)
      .prepare("UPDATE scheduled_tasks SET status = 'completed', next_execution_at = NULL, execution_count = execution_count + 1, last_executed_at = ?, updated_at = ? WHERE id = ?")
      .run(at, at, once.id);
    expect(() => undoAuditEntry(conn.db, admin, resumed)).toThrow(/status is now "completed", not "pending"; no audit entry after it says who/);
    expect(repo.findById(once.id)!.status).toBe('completed');
  });

  it('a cancelled schedule cannot be undone, and a developer cannot undo on a schedule of someone else', () => {
    cancelSchedule(conn.db, dev, once.id);
    expect(planUndo(conn.db, admin, lastAuditId(conn.sqlite))).toEqual({
      ok: false,
      reason: 'a cancelled schedule cannot be undone: the service never runs a cancelled schedule again; create it anew instead',
    });
    pauseSchedule(conn.db, admin, cron.id);
    const paused = lastAuditId(conn.sqlite);
    const other = operator({ id: 'U_OTHER', role: 'developer' });
    expect(planUndo(conn.db, other, paused)).toEqual({ ok: false, reason: 'a developer may change only their own schedules; this one belongs to U_DEV' });
    expect(() => undoAuditEntry(conn.db, other, paused)).toThrow(PermissionError);
  });

  it('a paused one-shot whose time has passed is not resumed by an undo (it would fire at once)', () => {
    pauseSchedule(conn.db, dev, once.id);
    const paused = lastAuditId(conn.sqlite);
    service(conn).prepare('UPDATE scheduled_tasks SET next_execution_at = ?, scheduled_for = ? WHERE id = ?').run('2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z', once.id);
    expect(planUndo(conn.db, dev, paused)).toEqual({ ok: false, reason: expect.stringMatching(/time has passed, so undoing the pause would fire it at once/) });
  });
});

describe('undoing a project edit', () => {
  it('writes the old values back as project:updated naming the entry', () => {
    const id = insertProject(conn.db);
    updateProject(conn.db, admin, id, { defaultMaxBudget: 12.5, agentId: 'agent-9' });
    const edit = lastAuditId(conn.sqlite);
    const result = undoAuditEntry(conn.db, admin, edit);
    expect(new ProjectRepository(conn.db).findById(id)).toMatchObject({ defaultMaxBudget: 5, agentId: 'agent-1' });
    expect(auditById(conn.sqlite, result.audit.id)).toMatchObject({
      action: 'project:updated',
      metadata: { before: { defaultMaxBudget: 12.5, agentId: 'agent-9' }, after: { defaultMaxBudget: 5, agentId: 'agent-1' }, undoes: edit },
    });
    expect(planUndo(conn.db, dev, edit)).toMatchObject({ ok: false });
  });
});
