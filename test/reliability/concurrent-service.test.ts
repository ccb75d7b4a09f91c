import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../db/connection.js';
import { pushSchema } from '../../db/migrate/push-schema.js';
import { planMigration, applyMigration } from '../../db/migrate/index.js';
import type { Operator } from '../../db/operator.js';
import { startServiceSim, type SimReport } from '../helpers/service-sim.js';
import { PROJECTS, SERVICE_USER, seedRaceRows } from './concurrent-seed.js';
import { attemptFor, perform, refusesAsClaimed, type Outcome } from './console-actions.js';

const OPERATOR: Operator = { id: 'U0CONSOLE', role: 'admin', known: false, active: true, readOnly: false };
const SERVICE_OPS = 6000;
const MAX_CONSOLE_CHANGES = 4000;
const SPREAD_MS = 3000;

/** A file as `migrate` leaves it (search triggers included: they run inside the service's inserts). */
function preparedFile(dir: string): string {
  const path = join(dir, 'bematic.db');
  const conn = openDatabase({ path, create: true });
  pushSchema(conn.sqlite);
  applyMigration(conn.sqlite, planMigration(conn.sqlite));
  conn.close();
  return path;
}

interface RaceResult {
  report: SimReport;
  outcomes: Outcome[];
  unjustified: Outcome[];
  duringService: number;
  path: string;
}

async function race(dir: string): Promise<RaceResult> {
  const path = preparedFile(dir);
  const conn = openDatabase({ path });
  const seeded = seedRaceRows(conn.sqlite, SPREAD_MS);
  const sim = startServiceSim({ db: path, ops: SERVICE_OPS, projects: PROJECTS, slackUserId: SERVICE_USER, seed: 7, pauseEveryOps: 2 });
  await sim.ready;
  const outcomes: Outcome[] = [];
  const unjustified: Outcome[] = [];
  let duringService = 0;
  const deadline = Date.now() + 90_000; // a safety stop only; the loop is bounded by count
  for (let n = 0; n < MAX_CONSOLE_CHANGES && Date.now() < deadline; n++) {
    const attempt = attemptFor(conn.db, conn.sqlite, OPERATOR, seeded, n);
    const outcome = perform(attempt);
    outcomes.push(outcome);
    if (!refusesAsClaimed(attempt, outcome)) unjustified.push(outcome);
    if (sim.running()) duringService++;
    else if (n > duringService + 200) break; // a few more after the service stopped, then done
    if (n % 4 === 0) await new Promise((r) => setImmediate(r));
  }
  const report = await sim.done;
  conn.close();
  return { report, outcomes, unjustified, duringService, path };
}

const byKind = (outcomes: Outcome[], kind: Outcome['kind']) => outcomes.filter((o) => o.kind === kind);

describe('the console beside a service writing the same file at a high rate', () => {
  // the helpers' temp folders go after each test; this one must outlive the whole race
  const dir = mkdtempSync(join(tmpdir(), 'bematic-race-'));
  let result: RaceResult;
  let check: Database.Database;
  beforeAll(async () => {
    result = await race(dir);
    check = new Database(result.path, { readonly: true });
  }, 120_000);
  afterAll(() => {
    if (check?.open) check.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs both writers to the end with no operation failing (no SQLITE_BUSY on either side)', () => {
    const { report, outcomes } = result;
    const counts = Object.fromEntries((['applied', 'conflict', 'refused', 'failed'] as const).map((k) => [k, byKind(outcomes, k).length]));
    console.log(`service: ${JSON.stringify(report.ops)}; console: ${outcomes.length} changes (${result.duringService} while the service ran) ${JSON.stringify(counts)}`);
    expect(report.errors).toEqual([]);
    expect(byKind(outcomes, 'failed')).toEqual([]);
    expect(result.duringService).toBeGreaterThan(200);
  });

  it('keeps every write of the service', () => {
    const { report } = result;
    const has = (sql: string, id: string | number) => check.prepare(sql).get(id) !== undefined;
    expect(report.insertedTasks.filter((id) => !has('SELECT 1 FROM tasks WHERE id = ?', id))).toEqual([]);
    expect(report.auditIds.filter((id) => !has("SELECT 1 FROM audit_logs WHERE id = ? AND user_id = 'service-sim'", id))).toEqual([]);
    expect(report.promptIds.filter((id) => !has('SELECT 1 FROM prompt_history WHERE id = ?', id))).toEqual([]);
    expect(report.purgedKeys.filter((id) => has('SELECT 1 FROM api_keys WHERE id = ?', id))).toEqual([]);
    const runs = check.prepare('SELECT execution_count FROM scheduled_tasks WHERE id = ?').pluck();
    const wrongRuns = Object.entries(report.executions).filter(([id, n]) => runs.get(id) !== n);
    expect(wrongRuns).toEqual([]);
    const status = check.prepare('SELECT status FROM scheduled_tasks WHERE id = ?').pluck();
    expect(report.completedSchedules.filter((id) => status.get(id) !== 'completed')).toEqual([]);
  });

  it('leaves each task in the status its last writer gave it: the service, or the console that cancelled it', () => {
    const { report, outcomes } = result;
    const cancelled = new Set(outcomes.flatMap((o) => (o.kind === 'applied' && o.action === 'task:cancelled' ? [o.resourceId] : [])));
    const status = check.prepare('SELECT status FROM tasks WHERE id = ?').pluck();
    const wrong = Object.entries(report.taskStatus).filter(([id, s]) => status.get(id) !== (cancelled.has(id) ? 'cancelled' : s));
    expect(wrong).toEqual([]);
    // the service lost a transition only to a cancel the console really made
    expect(report.lostTransitions.filter((t) => !cancelled.has(t.id))).toEqual([]);
  });

  it('records exactly one audit row for each applied change, and none for a refused one', () => {
    const applied = byKind(result.outcomes, 'applied') as Extract<Outcome, { kind: 'applied' }>[];
    const key = (action: string, id: string | null) => `${action} ${id ?? '-'}`;
    const expected = applied.map((o) => key(o.action, o.resourceId)).sort();
    const rows = check.prepare('SELECT action, resource_id FROM audit_logs WHERE user_id = ?').all(OPERATOR.id) as { action: string; resource_id: string | null }[];
    expect(rows.map((r) => key(r.action, r.resource_id)).sort()).toEqual(expected);
  });

  it('refuses with a conflict, applying nothing, a change the service made stale (a schedule it completed, a key it purged)', () => {
    const conflicts = byKind(result.outcomes, 'conflict') as Extract<Outcome, { kind: 'conflict' }>[];
    console.log(`conflicts: ${JSON.stringify(tally(conflicts.map((c) => `${c.action} on ${c.stateAfter}`)))}`);
    expect(result.unjustified).toEqual([]);
    expect(conflicts.some((c) => c.action.startsWith('scheduled_task.') && c.stateAfter === 'completed')).toBe(true);
    expect(conflicts.some((c) => c.action === 'api-key:revoked' && c.stateAfter === 'missing')).toBe(true);
    expect(conflicts.every((c) => /nothing was changed/.test(c.message))).toBe(true);
  });

  it('leaves a file that passes integrity and foreign-key checks', () => {
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(check.pragma('foreign_key_check')).toEqual([]);
  });
});

function tally(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}
