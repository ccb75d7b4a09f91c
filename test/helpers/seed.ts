import type Database from 'better-sqlite3';

/** Plain inserts with column lists (never positional): test data without the demo generator. */
let counter = 0;
const nextId = (prefix: string): string => `${prefix}_${String(++counter).padStart(21, '0')}`;

/** A time `minutes` before a fixed base, ISO as the service writes it: later rows are newer. */
export const minutesAgo = (minutes: number, base = Date.parse('2026-11-26T12:00:00.000Z')): string => new Date(base - minutes * 60_000).toISOString();

export interface ProjectSeed {
  id?: string;
  name?: string;
  agentId?: string;
  defaultModel?: string;
  defaultMaxBudget?: number;
  autoCommitPush?: boolean;
  active?: boolean;
}

export function seedProject(sqlite: Database.Database, p: ProjectSeed = {}): string {
  const id = p.id ?? nextId('proj');
  const now = minutesAgo(10_000);
  sqlite
    .prepare(
      `INSERT INTO projects (id, name, slack_channel_id, local_path, agent_id, default_model, default_max_budget, auto_commit_push, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      p.name ?? `project ${id}`,
      `C${id}`,
      `/srv/${id}`,
      p.agentId ?? 'agent-1',
      p.defaultModel ?? 'claude-sonnet-4-5-20250929',
      p.defaultMaxBudget ?? 5,
      p.autoCommitPush ? 1 : 0,
      p.active === false ? 0 : 1,
      now,
      now,
    );
  return id;
}

export interface TaskSeed {
  id?: string;
  projectId: string;
  status?: string;
  botName?: string;
  command?: string;
  prompt?: string;
  slackUserId?: string;
  createdAt?: string;
  result?: string | null;
  errorMessage?: string | null;
  filesChanged?: string;
  commandsRun?: string;
  estimatedCost?: number;
  maxBudget?: number;
  parentTaskId?: string | null;
  inputTokens?: number;
  outputTokens?: number;
}

export function seedTask(sqlite: Database.Database, t: TaskSeed): string {
  const id = t.id ?? nextId('task');
  const at = t.createdAt ?? minutesAgo(0);
  sqlite
    .prepare(
      `INSERT INTO tasks (id, project_id, bot_name, command, prompt, status, result, error_message, slack_channel_id, slack_user_id,
         input_tokens, output_tokens, estimated_cost, max_budget, files_changed, commands_run, parent_task_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'C1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      t.projectId,
      t.botName ?? 'coder',
      t.command ?? 'fix',
      t.prompt ?? `prompt of ${id}`,
      t.status ?? 'completed',
      t.result ?? null,
      t.errorMessage ?? null,
      t.slackUserId ?? 'U0001',
      t.inputTokens ?? 100,
      t.outputTokens ?? 50,
      t.estimatedCost ?? 0.1,
      t.maxBudget ?? 5,
      t.filesChanged ?? '[]',
      t.commandsRun ?? '[]',
      t.parentTaskId ?? null,
      at,
      at,
    );
  return id;
}

/** `n` tasks a minute apart, newest first by index: task i was created i minutes ago. */
export function seedTasks(sqlite: Database.Database, projectId: string, n: number, fields: (i: number) => Partial<TaskSeed> = () => ({})): string[] {
  const ids: string[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < n; i++) ids.push(seedTask(sqlite, { projectId, createdAt: minutesAgo(i), prompt: `task number ${i}`, ...fields(i) }));
  })();
  return ids;
}

export interface SessionSeed {
  taskId: string;
  agentId?: string;
  model?: string;
  status?: string;
  createdAt?: string;
}

export function seedSession(sqlite: Database.Database, s: SessionSeed): string {
  const id = nextId('sess');
  sqlite
    .prepare(
      `INSERT INTO sessions (id, task_id, agent_id, model, input_tokens, output_tokens, estimated_cost, duration_ms, status, created_at)
       VALUES (?, ?, ?, ?, 10, 20, 0.05, 30000, ?, ?)`,
    )
    .run(id, s.taskId, s.agentId ?? 'agent-1', s.model ?? 'claude-sonnet-4-5-20250929', s.status ?? 'completed', s.createdAt ?? minutesAgo(0));
  return id;
}

export function seedUser(sqlite: Database.Database, slackUserId: string, role: string, active = true): void {
  const now = minutesAgo(0);
  sqlite
    .prepare('INSERT INTO users (id, slack_user_id, slack_username, role, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(nextId('user'), slackUserId, `name-${slackUserId}`, role, active ? 1 : 0, now, now);
}
