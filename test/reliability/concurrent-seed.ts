import type Database from 'better-sqlite3';

export const PROJECTS = [
  { id: 'proj_concurrentWebAAAAAAAAAA', channel: 'C0CONCWEB' },
  { id: 'proj_concurrentOpsBBBBBBBBBB', channel: 'C0CONCOPS' },
];
export const SERVICE_USER = 'U0SERVICE';
const OWNERS = ['U0OWNER1', 'U0OWNER2', 'U0OWNER3', 'U0OWNER4', 'U0OWNER5'];

export interface Seeded {
  users: string[];
  keys: string[];
  schedules: string[];
  tasks: string[];
}

const iso = (msFromNow: number): string => new Date(Date.now() + msFromNow).toISOString();
const hex = (n: number): string => n.toString(16).padStart(64, '0');

/**
 * The rows the race is about, written with named columns: schedules that fall due one after the
 * other over `spreadMs` (the scheduler completes them while the console pauses or cancels them),
 * keys that expire over the same window (the service purges them while the console revokes them).
 */
export function seedRaceRows(sqlite: Database.Database, spreadMs: number): Seeded {
  const at = iso(0);
  const out: Seeded = { users: [], keys: [], schedules: [], tasks: [] };
  sqlite.transaction(() => {
    const project = sqlite.prepare(`INSERT INTO projects (id, name, slack_channel_id, local_path, agent_id, default_model,
      default_max_budget, auto_commit_push, active, created_at, updated_at) VALUES (?, ?, ?, '/srv/p', 'agent-1', 'claude-sonnet-4-5-20250929', 5.0, 0, 1, ?, ?)`);
    for (const p of PROJECTS) project.run(p.id, p.id.slice(5, 20), p.channel, at, at);

    const user = sqlite.prepare(`INSERT INTO users (id, slack_user_id, slack_username, role, active, created_at, updated_at)
      VALUES (?, ?, ?, ?, 1, ?, ?)`);
    const roles = ['admin', 'admin', 'admin', 'developer', 'developer', 'developer', 'viewer', 'viewer'];
    roles.forEach((role, i) => {
      const id = `user_concurrent${String(i).padStart(6, '0')}`;
      user.run(id, `U0USER${i}`, `user${i}`, role, at, at);
      out.users.push(id);
    });

    const key = sqlite.prepare('INSERT INTO api_keys (id, key, agent_id, created_at, expires_at, revoked) VALUES (?, ?, ?, ?, ?, ?)');
    const now = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 120; i++) {
      const id = `ak_concurrent${String(i).padStart(8, '0')}`;
      const expires = i % 3 === 1 ? now + 1 + Math.floor((i / 120) * (spreadMs / 1000)) : null;
      key.run(id, 'bm_' + hex(i + 1), `agent-${i % 4}`, now - 86400, expires, i % 6 === 0 ? 1 : 0);
      out.keys.push(id);
    }

    const schedule = sqlite.prepare(`INSERT INTO scheduled_tasks (id, project_id, user_id, task_type, bot_name, command, prompt,
      scheduled_for, timezone, cron_expression, is_recurring, next_execution_at, execution_count, max_executions, status, enabled,
      slack_channel_id, metadata, created_at, updated_at)
      VALUES (@id, @projectId, @userId, @type, 'coder', 'review', 'Nightly review', @next, @tz, @cron, @recurring, @next, 0, @max,
      @status, 1, @channel, '{}', @at, @at)`);
    for (let i = 0; i < 150; i++) {
      const recurring = i % 3 === 0;
      const next = iso(200 + Math.floor((i / 150) * spreadMs));
      const p = PROJECTS[i % 2]!;
      const id = `sched${String(i).padStart(16, '0')}`;
      schedule.run({
        id,
        projectId: p.id,
        userId: OWNERS[i % OWNERS.length],
        type: recurring ? 'recurring_job' : 'prompt_execution',
        next,
        tz: ['Europe/Paris', 'America/New_York', 'Asia/Tokyo'][i % 3],
        cron: recurring ? '0 * * * *' : null,
        recurring: recurring ? 1 : 0,
        max: recurring && i % 2 === 0 ? 1 : null,
        status: recurring ? 'active' : 'pending',
        channel: p.channel,
        at,
      });
      out.schedules.push(id);
    }

    const task = sqlite.prepare(`INSERT INTO tasks (id, project_id, bot_name, command, prompt, status, slack_channel_id, slack_user_id,
      input_tokens, output_tokens, estimated_cost, max_budget, files_changed, commands_run, created_at, updated_at)
      VALUES (?, ?, 'coder', 'fix', 'Seeded task', ?, ?, 'U0OWNER1', 0, 0, 0, 5.0, '[]', '[]', ?, ?)`);
    for (let i = 0; i < 60; i++) {
      const id = `task_concurrent${String(i).padStart(10, '0')}`;
      task.run(id, PROJECTS[0]!.id, ['pending', 'queued', 'running', 'completed'][i % 4], PROJECTS[0]!.channel, at, at);
      out.tasks.push(id);
    }
  })();
  return out;
}
