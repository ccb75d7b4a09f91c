import { describe, it, expect, afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase, type Connection } from '../../../db/connection.js';
import { SchemaMismatchError } from '../../../db/errors.js';
import { ProjectRepository } from '../../../db/repositories/projects.js';
import { TaskRepository } from '../../../db/repositories/tasks.js';
import { UserRepository } from '../../../db/repositories/users.js';
import { ApiKeyRepository } from '../../../db/repositories/api-keys.js';
import { NetSuiteConfigRepository } from '../../../db/repositories/netsuite-configs.js';
import { tempDbPath } from '../../helpers/temp-db.js';

// The service's first database (COMPAT.md, age 1): no railway/auto_commit_push/is_netsuite,
// no tasks.slack_message_ts/parent_task_id, no api_keys, netsuite_configs, prompt_history or scheduled_tasks.
const FIRST_AGE_DDL = `
CREATE TABLE IF NOT EXISTS projects (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, slack_channel_id TEXT NOT NULL UNIQUE, local_path TEXT NOT NULL,
  agent_id TEXT NOT NULL, default_model TEXT NOT NULL DEFAULT 'claude-sonnet-4-5-20250929',
  default_max_budget REAL NOT NULL DEFAULT 5.0, active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tasks (
  id TEXT PRIMARY KEY, project_id TEXT NOT NULL REFERENCES projects(id), bot_name TEXT NOT NULL, command TEXT NOT NULL,
  prompt TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'pending', result TEXT, error_message TEXT,
  slack_channel_id TEXT NOT NULL, slack_thread_ts TEXT, slack_user_id TEXT NOT NULL, session_id TEXT,
  input_tokens INTEGER NOT NULL DEFAULT 0, output_tokens INTEGER NOT NULL DEFAULT 0, estimated_cost REAL NOT NULL DEFAULT 0,
  max_budget REAL NOT NULL DEFAULT 5.0, files_changed TEXT NOT NULL DEFAULT '[]', commands_run TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, completed_at TEXT);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY, task_id TEXT NOT NULL REFERENCES tasks(id), agent_id TEXT NOT NULL, model TEXT NOT NULL,
  input_tokens INTEGER NOT NULL DEFAULT 0, output_tokens INTEGER NOT NULL DEFAULT 0, estimated_cost REAL NOT NULL DEFAULT 0,
  duration_ms INTEGER, status TEXT NOT NULL DEFAULT 'active', created_at TEXT NOT NULL, completed_at TEXT);
CREATE TABLE IF NOT EXISTS audit_logs (
  id INTEGER PRIMARY KEY AUTOINCREMENT, action TEXT NOT NULL, user_id TEXT, resource_type TEXT NOT NULL,
  resource_id TEXT, metadata TEXT NOT NULL DEFAULT '{}', timestamp TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, slack_user_id TEXT NOT NULL UNIQUE, slack_username TEXT NOT NULL, role TEXT NOT NULL DEFAULT 'viewer',
  rate_limit_override INTEGER, active INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS user_project_permissions (
  id INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL REFERENCES users(id), project_id TEXT NOT NULL,
  permissions TEXT NOT NULL DEFAULT '[]', created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS offline_queue (
  id INTEGER PRIMARY KEY AUTOINCREMENT, agent_id TEXT NOT NULL, message_type TEXT NOT NULL, payload TEXT NOT NULL,
  created_at TEXT NOT NULL, expires_at TEXT NOT NULL, delivered INTEGER NOT NULL DEFAULT 0, delivered_at TEXT);
`;

const T = '2025-06-01T10:00:00.000Z';

/** Builds the file as the old service left it, with a project, a parent-less task and a user. */
function firstAgeFile(): string {
  const path = tempDbPath('first-age.db');
  const raw = new Database(path);
  raw.exec(FIRST_AGE_DDL);
  raw
    .prepare(
      `INSERT INTO projects (id, name, slack_channel_id, local_path, agent_id, created_at, updated_at)
    VALUES ('proj_old', 'legacy', 'C_OLD', '/srv/legacy', 'auto', ?, ?)`,
    )
    .run(T, T);
  raw
    .prepare(
      `INSERT INTO tasks (id, project_id, bot_name, command, prompt, status, slack_channel_id, slack_user_id, created_at, updated_at)
    VALUES ('task_old', 'proj_old', 'coder', 'fix', 'old prompt', 'completed', 'C_OLD', 'U1', ?, ?)`,
    )
    .run(T, T);
  raw
    .prepare(
      `INSERT INTO users (id, slack_user_id, slack_username, role, created_at, updated_at)
    VALUES ('user_old', 'U1', 'ada', 'admin', ?, ?)`,
    )
    .run(T, T);
  raw.close();
  return path;
}

const opened: Connection[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});
function open(path: string, readOnly: boolean): Connection {
  const c = openDatabase({ path, readOnly });
  opened.push(c);
  return c;
}

describe.each([false, true])('reading a first-age file (read-only: %s)', (readOnly) => {
  it('returns projects with the later columns as their defaults', () => {
    const { db } = open(firstAgeFile(), readOnly);
    const all = new ProjectRepository(db).findAll();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      id: 'proj_old',
      agentId: 'auto',
      autoCommitPush: false,
      isNetsuite: false,
      railwayProjectId: null,
      railwayServiceId: null,
      railwayEnvironmentId: null,
      defaultMaxBudget: 5,
    });
    expect(new ProjectRepository(db).findById('proj_old')).toEqual(all[0]);
  });

  it('returns tasks without slack_message_ts and parent_task_id as NULL, and no subtasks', () => {
    const { db } = open(firstAgeFile(), readOnly);
    const tasks = new TaskRepository(db);
    expect(tasks.findById('task_old')).toMatchObject({ prompt: 'old prompt', slackMessageTs: null, parentTaskId: null });
    expect(tasks.findByProjectId('proj_old')).toHaveLength(1);
    expect(tasks.findSubtasks('task_old')).toEqual([]);
  });

  it('reads the tables the file lacks as empty', () => {
    const { db } = open(firstAgeFile(), readOnly);
    const keys = new ApiKeyRepository(db);
    expect(keys.findActive()).toEqual([]);
    expect(keys.findById('ak_x')).toBeUndefined();
    expect(keys.findByAgentId('a')).toEqual([]);
    expect(new NetSuiteConfigRepository(db).findAll()).toEqual([]);
    expect(new UserRepository(db).findAll().map((u) => u.role)).toEqual(['admin']);
  });
});

describe('writing to a first-age file', () => {
  it('refuses a write that needs a missing column, naming migrate, and changes nothing', () => {
    const { db, sqlite } = open(firstAgeFile(), false);
    const projects = new ProjectRepository(db);
    expect(() => projects.update('proj_old', { autoCommitPush: true })).toThrow(SchemaMismatchError);
    expect(() => projects.update('proj_old', { autoCommitPush: true })).toThrow(/projects\.auto_commit_push.*bematic-console migrate/);
    expect(() =>
      new TaskRepository(db).create({
        projectId: 'proj_old',
        botName: 'coder',
        command: 'fix',
        prompt: 'sub',
        slackChannelId: 'C',
        slackUserId: 'U1',
        parentTaskId: 'task_old',
      }),
    ).toThrow(/tasks\.parent_task_id/);
    expect(sqlite.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(1);
    expect(sqlite.prepare('SELECT updated_at FROM projects').pluck().get()).toBe(T);
  });

  it('refuses a write to a missing table, naming migrate', () => {
    const { db } = open(firstAgeFile(), false);
    expect(() => new ApiKeyRepository(db).create({ agentId: 'a' })).toThrow(/table api_keys is missing.*bematic-console migrate/);
  });

  it('writes what the file can hold: a project with the defaults of the missing columns', () => {
    const { db } = open(firstAgeFile(), false);
    const projects = new ProjectRepository(db);
    const p = projects.create({ name: 'new', slackChannelId: 'C_NEW', localPath: '/srv/new', agentId: 'a', autoCommitPush: false });
    expect(p).toMatchObject({ autoCommitPush: false, isNetsuite: false, defaultModel: 'claude-sonnet-4-5-20250929' });
    expect(projects.update(p.id, { defaultMaxBudget: 9 }).defaultMaxBudget).toBe(9);
    expect(new ApiKeyRepository(db).cleanup()).toBe(0);
  });
});
