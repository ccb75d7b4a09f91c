import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TmuxShell, binaryCommand, hasTmux } from '../helpers/spawn-tmux.js';
import { checkpointed, demoFile } from '../reliability/fault-files.js';

if (!hasTmux()) console.warn('e2e admin-screens: tmux is not installed; skipped (install tmux to run it)');

const ADMIN = 'U0E2EADMIN';
const VIEWER = 'U0E2EVIEW';
const DEV = 'U0E2EDEV';
const KEY = 'ak_e2eRevokeMe000000000';
const SCHEDULE = 'sched_e2ePauseMe0000000';

const dir = mkdtempSync(join(tmpdir(), 'bematic-e2e-admin-'));
let seeded = '';
let shell: TmuxShell | undefined;
afterEach(() => shell?.close());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The demo data (the real `demo` command) plus the operators and the rows each test changes. */
beforeAll(async () => {
  if (!hasTmux()) return;
  seeded = checkpointed(await demoFile(dir, 'admin.db', 0.02));
  const db = new Database(seeded);
  const now = new Date().toISOString();
  const user = db.prepare(`INSERT INTO users (id, slack_user_id, slack_username, role, active, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)`);
  user.run('user_e2eAdmin', ADMIN, 'e2e-admin', 'admin', now, now);
  user.run('user_e2eViewer', VIEWER, 'e2e-viewer', 'viewer', now, now);
  user.run('user_e2eDev', DEV, 'e2e-dev', 'developer', now, now);
  db.prepare(`INSERT INTO api_keys (id, key, agent_id, created_at, revoked) VALUES (?, ?, 'agent-e2e', ?, 0)`).run(KEY, `bm_${'e2'.repeat(32)}`, Math.floor(Date.now() / 1000));
  const project = db.prepare('SELECT id, slack_channel_id FROM projects ORDER BY name LIMIT 1').get() as { id: string; slack_channel_id: string };
  db.prepare(
    `INSERT INTO scheduled_tasks (id, project_id, user_id, task_type, bot_name, command, prompt, scheduled_for, timezone, cron_expression,
       is_recurring, next_execution_at, status, enabled, slack_channel_id, created_at, updated_at)
     VALUES (?, ?, ?, 'recurring_job', 'ops', 'report', 'e2e pause me', ?, 'Europe/Paris', '0 9 * * *', 1, ?, 'active', 1, ?, ?, ?)`,
  ).run(SCHEDULE, project.id, ADMIN, now, new Date(Date.now() + 3_600_000).toISOString(), project.slack_channel_id, now, now);
  db.close();
}, 60_000);

/** A copy of the seeded file for one test, and a read-only look into it. */
function freshCopy(name: string): { path: string; read: <T>(sql: string, ...args: unknown[]) => T } {
  const path = join(dir, name);
  copyFileSync(seeded, path);
  const read = <T>(sql: string, ...args: unknown[]): T => {
    const db = new Database(path, { readonly: true });
    try {
      return db.prepare(sql).get(...args) as T;
    } finally {
      db.close();
    }
  };
  return { path, read };
}

function open(path: string, operator: string): TmuxShell {
  shell = new TmuxShell(120, 40);
  shell.run(`${binaryCommand(['--db', path, '--as', operator])}; echo "EXIT=$?"`);
  return shell;
}

/** A screen by its number, then `/`, the text, Enter, each step seen before the next is sent; one row left. */
async function showOnly(s: TmuxShell, key: string, title: RegExp, filter: string): Promise<string> {
  s.literal(key);
  await s.waitFor((t) => title.test(t.split('\n')[1] ?? '') && /\d+-\d+ of [\d,]+/.test(t));
  s.literal('/');
  await s.waitFor(/^\/_ /m);
  s.literal(filter);
  await s.waitFor(`/${filter}_`);
  s.keys('Enter');
  return s.waitFor(/1-1 of 1\b/);
}

/** The question in its box, borders and wrapping taken out. */
const flat = (screen: string): string => screen.replace(/[│╭╮╰╯─\s]+/g, ' ');
const selected = (screen: string): string => /^> (.*)$/m.exec(screen)?.[1] ?? '';
const lastAudit = (read: ReturnType<typeof freshCopy>['read'], action: string, id: string) =>
  read<{ user_id: string; metadata: string } | undefined>('SELECT user_id, metadata FROM audit_logs WHERE action = ? AND resource_id = ? ORDER BY id DESC LIMIT 1', action, id);

async function quit(s: TmuxShell): Promise<void> {
  s.keys('C-c');
  await s.waitFor(/EXIT=\d/);
}

describe.skipIf(!hasTmux())('admin actions with the built binary (tmux)', () => {
  it('revokes an API key on screen 5: the question warns about environment keys, y revokes it with its audit row', async () => {
    const { path, read } = freshCopy('revoke.db');
    const s = open(path, ADMIN);
    await s.waitFor(/Tasks by status/);
    await showOnly(s, '5', /^API keys/, 'agent:agent-e2e');
    s.literal('x');
    const question = await s.waitFor(/Revoke this API key\?/);
    expect(question).toMatch(/> No \(n\)/);
    expect(flat(question)).toContain("holding a key from the service's environment variable are not stopped");
    s.literal('y');
    const done = await s.waitFor((t) => t.includes('audited as api-key:revoked') && /agent-e2e\s+revoked/.test(selected(t)));
    expect(done).not.toMatch(/Revoke this API key\?/);
    expect(read<{ revoked: number }>('SELECT revoked FROM api_keys WHERE id = ?', KEY).revoked).toBe(1);
    expect(lastAudit(read, 'api-key:revoked', KEY)?.user_id).toBe(ADMIN);
    await quit(s);
  }, 60_000);

  it('pauses then resumes a schedule on screen 6, each audited with the operator; resume computes the next run', async () => {
    const { path, read } = freshCopy('pause.db');
    const s = open(path, ADMIN);
    await s.waitFor(/Tasks by status/);
    await showOnly(s, '6', /^Schedules/, 'e2e pause me');
    s.literal('p');
    await s.waitFor(/Pause this schedule\?/);
    s.literal('y');
    await s.waitFor((t) => t.includes('audited as scheduled_task.paused') && /paused +off/.test(selected(t)));
    const row = (): { status: string; enabled: number; next_execution_at: string | null } => read('SELECT status, enabled, next_execution_at FROM scheduled_tasks WHERE id = ?', SCHEDULE);
    expect(row()).toMatchObject({ status: 'paused', enabled: 0 });
    expect(lastAudit(read, 'scheduled_task.paused', SCHEDULE)?.user_id).toBe(ADMIN);
    s.literal('p');
    await s.waitFor(/Resume this schedule\?/);
    s.literal('y');
    // the line is cut at 120 columns after 'audited as scheduled_task': the database names the action
    await s.waitFor((t) => /resumed \(active\); next run .*; audited as/.test(t) && /active +on/.test(selected(t)));
    expect(row()).toMatchObject({ status: 'active', enabled: 1 });
    expect(Date.parse(row().next_execution_at ?? '')).toBeGreaterThan(Date.now());
    expect(lastAudit(read, 'scheduled_task.resumed', SCHEDULE)?.user_id).toBe(ADMIN);
    await quit(s);
  }, 60_000);

  it("changes a user's role on screen 4: e, pick viewer, y; the audit row has before, after and the operator", async () => {
    const { path, read } = freshCopy('role.db');
    const s = open(path, ADMIN);
    await s.waitFor(/Tasks by status/);
    await showOnly(s, '4', /^Users/, DEV);
    s.literal('e');
    await s.waitFor(/Role for e2e-dev \(now developer\)/);
    s.literal('j');
    await s.waitFor(/│\s*> viewer/);
    s.keys('Enter');
    const question = await s.waitFor(/Make e2e-dev viewer\?/);
    expect(question).toMatch(/> No \(n\)/);
    s.literal('y');
    await s.waitFor((t) => t.includes('audited as user:role-changed') && new RegExp(`${DEV}\\s+viewer`).test(selected(t)));
    expect(read<{ role: string }>('SELECT role FROM users WHERE slack_user_id = ?', DEV).role).toBe('viewer');
    const audit = lastAudit(read, 'user:role-changed', 'user_e2eDev');
    expect(audit?.user_id).toBe(ADMIN);
    expect(JSON.parse(audit?.metadata ?? '{}')).toMatchObject({ before: { role: 'developer' }, after: { role: 'viewer' } });
    await quit(s);
  }, 60_000);

  it('a viewer operator sees no action hints on screens 4, 5 and 6, and their keys change nothing', async () => {
    const { path, read } = freshCopy('viewer.db');
    const state = (): unknown => [
      read('SELECT count(*) AS n FROM audit_logs'),
      read('SELECT revoked FROM api_keys WHERE id = ?', KEY),
      read('SELECT status, enabled FROM scheduled_tasks WHERE id = ?', SCHEDULE),
      read('SELECT role, active FROM users WHERE slack_user_id = ?', DEV),
    ];
    const before = state();
    const s = open(path, VIEWER);
    await s.waitFor(/Tasks by status/);
    const visits: [string, RegExp, string, string[], RegExp][] = [
      ['5', /^API keys/, 'agent:agent-e2e', ['x', 'C', 'n'], /x revoke|C cleanup|n new key/],
      ['6', /^Schedules/, 'e2e pause me', ['p', 'c', 'n', 'e'], /p pause\/resume|c cancel|n new|e edit/],
      ['4', /^Users/, DEV, ['e', 'd'], /e role|d \(de\)activate/],
    ];
    for (const [key, title, filter, actions, hints] of visits) {
      const list = await showOnly(s, key, title, filter);
      expect(list).toMatch(/\? help/);
      expect(list).not.toMatch(hints);
      s.literal(actions[0]!);
      await s.waitFor(`operator ${VIEWER} is a viewer and can change nothing`);
      for (const action of actions.slice(1)) s.literal(action);
      s.literal('?'); // help opens only if no dialog or form took the keys before it
      const help = await s.waitFor(/Keys \(Esc closes\)/);
      expect(help).not.toMatch(/Revoke this|Pause this|Cancel this|Role for|Type cleanup|Issue a new|New schedule/);
      s.keys('Escape');
      await s.waitForGone(/Keys \(Esc closes\)/);
    }
    await quit(s);
    expect(state()).toEqual(before);
  }, 90_000);
});
