// Plays the Bematic service against a database file, the way it writes: its own better-sqlite3
// connection (WAL, busy_timeout 5000), plain statements that name their columns, autocommit
// writes plus a few short batch transactions. Runs a bounded number of operations and prints
// one JSON report of everything it wrote (or failed to write) on stdout's last line.
// Usage: node service-sim.mjs CONFIG_JSON   (see service-sim.ts for the fields)
import Database from 'better-sqlite3';

const config = JSON.parse(process.argv[2]);
const { db: path, ops: totalOps, projects, slackUserId, seed = 1, pauseEveryOps = 4 } = config;

const sqlite = new Database(path, { timeout: 5000 });
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('busy_timeout = 5000');
sqlite.pragma('foreign_keys = ON');
sqlite.pragma('synchronous = NORMAL');

// Deterministic pseudo-random choices, so a failure can be replayed with the same seed.
let state = seed >>> 0 || 1;
const rand = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms) => Atomics.wait(sleeper, 0, 0, ms);
const iso = () => new Date().toISOString();
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const nano = () => Array.from({ length: 21 }, () => alphabet[Math.floor(rand() * 64)]).join('');

const stmt = {
  insertTask: sqlite.prepare(`INSERT INTO tasks (id, project_id, bot_name, command, prompt, status, slack_channel_id,
    slack_user_id, input_tokens, output_tokens, estimated_cost, max_budget, files_changed, commands_run, created_at, updated_at)
    VALUES (@id, @projectId, 'coder', 'fix', @prompt, 'pending', @channel, @user, 0, 0, 0, 5.0, '[]', '[]', @at, @at)`),
  moveTask: sqlite.prepare(`UPDATE tasks SET status = @to, updated_at = @at, completed_at = @completedAt
    WHERE id = @id AND status = @from`),
  audit: sqlite.prepare(`INSERT INTO audit_logs (action, user_id, resource_type, resource_id, metadata, timestamp)
    VALUES (@action, 'service-sim', @type, @resourceId, '{"by":"service-sim"}', @at)`),
  prompt: sqlite.prepare(`INSERT INTO prompt_history (prompt, category, tags, context, related_files, execution_status, timestamp)
    VALUES (@prompt, 'feature', @tags, NULL, '[]', 'pending', @at)`),
  due: sqlite.prepare(`SELECT id, is_recurring, execution_count, max_executions FROM scheduled_tasks
    WHERE next_execution_at <= ? AND enabled = 1 AND status IN ('pending', 'active') ORDER BY next_execution_at LIMIT 5`),
  executed: sqlite.prepare(`UPDATE scheduled_tasks SET execution_count = execution_count + 1, last_executed_at = @at,
    last_triggered_at = @at, status = @status, next_execution_at = @next, updated_at = @at
    WHERE id = @id AND enabled = 1 AND status IN ('pending', 'active')`),
  purge: sqlite.prepare(`DELETE FROM api_keys WHERE revoked = 1 OR (expires_at IS NOT NULL AND expires_at <= ?) RETURNING id`),
};

const report = {
  ops: {},
  insertedTasks: [],
  /** task id -> the last status this process wrote successfully */
  taskStatus: {},
  /** transitions that found the task no longer in the status the worker left it in */
  lostTransitions: [],
  auditIds: [],
  promptIds: [],
  /** schedule id -> runs this process recorded */
  executions: {},
  completedSchedules: [],
  purgedKeys: [],
  errors: [],
};
const count = (kind) => (report.ops[kind] = (report.ops[kind] ?? 0) + 1);
const live = []; // tasks this process still drives: [id, status]
const NEXT = { pending: 'queued', queued: 'running', running: 'completed' };

function insertTask() {
  const id = `task_${nano()}`;
  const project = pick(projects);
  stmt.insertTask.run({ id, projectId: project.id, channel: project.channel, user: slackUserId, prompt: `Fix flaky test #${live.length}`, at: iso() });
  report.insertedTasks.push(id);
  report.taskStatus[id] = 'pending';
  live.push([id, 'pending']);
  report.auditIds.push(Number(stmt.audit.run({ action: 'task:created', type: 'task', resourceId: id, at: iso() }).lastInsertRowid));
}

function moveTask() {
  if (live.length === 0) return insertTask();
  const i = Math.floor(rand() * live.length);
  const [id, from] = live[i];
  const to = from === 'running' && rand() < 0.3 ? 'failed' : NEXT[from];
  const at = iso();
  const done = to === 'completed' || to === 'failed';
  const changed = stmt.moveTask.run({ id, from, to, at, completedAt: done ? at : null }).changes;
  if (changed === 0) {
    report.lostTransitions.push({ id, from, to });
    live.splice(i, 1);
    return;
  }
  report.taskStatus[id] = to;
  if (done) live.splice(i, 1);
  else live[i] = [id, to];
}

function batchOfTasks() {
  sqlite
    .transaction(() => {
      for (let i = 0; i < 25; i++) insertTask();
    })
    .immediate();
}

/** The scheduler's cycle: what is due now, each marked executed (a one-shot completes). */
function schedulerCycle() {
  const now = iso();
  for (const row of stmt.due.all(now)) {
    const runs = row.execution_count + 1;
    const finished = !row.is_recurring || (row.max_executions != null && runs >= row.max_executions);
    const next = finished ? null : new Date(Date.now() + 3600_000).toISOString();
    const at = iso();
    const changed = stmt.executed.run({ id: row.id, at, status: finished ? 'completed' : 'active', next }).changes;
    if (changed === 0) continue; // paused or cancelled between the query and the update
    report.executions[row.id] = (report.executions[row.id] ?? 0) + 1;
    if (finished) report.completedSchedules.push(row.id);
  }
}

function purgeKeys() {
  const ids = stmt.purge.all(Math.floor(Date.now() / 1000)).map((r) => r.id);
  report.purgedKeys.push(...ids);
  if (ids.length) report.auditIds.push(Number(stmt.audit.run({ action: 'api-key:cleanup', type: 'api_key', resourceId: null, at: iso() }).lastInsertRowid));
}

function logPrompt() {
  const tags = JSON.stringify([pick(['api', 'auth', 'ci', 'perf'])]);
  report.promptIds.push(Number(stmt.prompt.run({ prompt: `Service prompt ${report.promptIds.length}`, tags, at: iso() }).lastInsertRowid));
}

const OPS = [
  [insertTask, 0.3],
  [moveTask, 0.35],
  [schedulerCycle, 0.15],
  [purgeKeys, 0.08],
  [logPrompt, 0.08],
  [batchOfTasks, 0.04],
];

function chooseOp() {
  let r = rand();
  for (const [fn, weight] of OPS) if ((r -= weight) < 0) return fn;
  return insertTask;
}

process.stdout.write('ready\n');
for (let i = 0; i < totalOps; i++) {
  const op = chooseOp();
  try {
    op();
    count(op.name);
  } catch (e) {
    report.errors.push({ op: op.name, code: e.code ?? null, message: String(e.message) });
  }
  // short pauses, as a real service has between events, so the other writer gets its turn
  if (i % pauseEveryOps === 0) sleep(1);
}
sqlite.close();
process.stdout.write(JSON.stringify(report) + '\n');
