import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TmuxShell, binaryCommand, hasTmux } from '../helpers/spawn-tmux.js';
import { markedDemo, type Marked } from './e2e-db.js';

// Issue 15, items 5 and 6 on the built binary: Enter goes where one expects, q goes back, ? names
// the screens, and keys that cannot act (or a filter that cannot) say why.

const dir = mkdtempSync(join(tmpdir(), 'bematic-e2e-go-'));
let demo: Marked;
let shell: TmuxShell | undefined;
const RUNNING = 'task_e2eRunning0000000000';
const DUE = 'sched_e2eDue';
beforeAll(async () => {
  if (!hasTmux()) return;
  demo = await markedDemo(dir);
  const db = new Database(demo.path);
  const p = db.prepare('SELECT id, slack_channel_id FROM projects ORDER BY name LIMIT 1').get() as { id: string; slack_channel_id: string };
  const long = '2000-01-01T00:00:00.000Z'; // the longest running and the most overdue: first in their panels
  db.prepare(
    `INSERT INTO tasks (id, project_id, bot_name, command, prompt, status, slack_channel_id, slack_user_id,
    input_tokens, output_tokens, estimated_cost, max_budget, files_changed, commands_run, created_at, updated_at)
    VALUES (?, ?, 'coder', 'e2erun', 'e2e running task', 'running', ?, 'U0E2EUSER', 0, 0, 0, 5, '[]', '[]', ?, ?)`,
  ).run(RUNNING, p.id, p.slack_channel_id, long, long);
  db.prepare(
    `INSERT INTO scheduled_tasks (id, project_id, user_id, task_type, bot_name, command, prompt, scheduled_for, timezone, next_execution_at, status, enabled, slack_channel_id, created_at, updated_at)
    VALUES (?, ?, 'U0E2EUSER', 'reminder', 'system', 'e2edue', 'e2e due schedule', ?, 'UTC', ?, 'active', 1, ?, ?, ?)`,
  ).run(DUE, p.id, long, long, p.slack_channel_id, long, long);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}, 60_000);
afterEach(() => shell?.close());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function open(args: string[] = [], cols = 120, rows = 40): TmuxShell {
  shell = new TmuxShell(cols, rows);
  shell.run(`${binaryCommand(['--db', demo.path, ...args])}; echo "EXIT=$?"`);
  return shell;
}

describe.skipIf(!hasTmux())('go where one expects (tmux, built binary)', () => {
  it('the dashboard panels open the running task and the due schedule; q goes back; ? names the screens; a project opens', async () => {
    const s = open();
    await s.waitFor(/▸ Running now/);
    await s.waitFor(/> task_e2eRunnin/); // the panel on the right: the id is cut to its width
    s.keys('Enter');
    await s.waitFor(/Dashboard › Task task_e2eRunnin/);
    s.literal('q'); // in a detail: back, not quit
    await s.waitFor(/▸ Running now/);
    s.keys('Tab');
    await s.waitFor(/▸ Schedules/);
    await s.waitFor(/> +reminder e2edue/);
    s.keys('Enter');
    await s.waitFor(/Dashboard › Schedule sched_e2eDue/);
    s.literal('q');
    await s.waitFor(/▸ Schedules/);
    s.literal('?');
    await s.waitFor(/Screens \(number keys\)/);
    const help = await s.waitFor(/9\s+Projects/);
    expect(help).toMatch(/1\s+Dashboard/);
    s.keys('Escape');
    await s.waitForGone(/Keys \(Esc closes\)/);
    s.literal('9');
    await s.waitFor(/\d+-\d+ of [\d,]+/);
    s.keys('Enter');
    await s.waitFor(/Projects › Project /);
    await s.waitFor(/budget\s+\$[\d.]+ per task/);
    s.literal('q');
    await s.waitFor(/^Projects\s*$/m);
    s.literal('q');
    await s.waitFor(/EXIT=0/);
  }, 90_000);

  it('read-only: n on prompts says why; a filter with an unknown field says so and lists the fields', async () => {
    const s = open(['--read-only']);
    await s.waitFor(/Tasks by status/);
    s.literal('7');
    await s.waitFor(/\d+-\d+ of [\d,]+/);
    s.literal('n');
    await s.waitFor(/Cannot log prompts: the console is read-only \(--read-only\)\./);
    s.literal('2');
    await s.waitFor(/\d+-\d+ of [\d,]+/);
    s.literal('/');
    await s.waitFor(/^\/_ /m);
    s.literal('stat:failed');
    await s.waitFor('/stat:failed_');
    s.keys('Enter');
    await s.waitFor(/No field "stat:" on this list/);
    s.keys('C-c');
    await s.waitFor(/EXIT=\d/);
  }, 90_000);
});
