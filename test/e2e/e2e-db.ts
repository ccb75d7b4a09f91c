import Database from 'better-sqlite3';
import { demoFile, checkpointed } from '../reliability/fault-files.js';
import { HOSTILE_TEXT } from '../reliability/malformed-file.js';

export interface Marked {
  path: string;
  /** a pending task, newest of all, to cancel */
  pending: string;
  /** a pending task whose prompt carries escape sequences and controls */
  hostile: string;
}

/** A demo database (the real `demo` command) plus two tasks the tests look for. */
export async function markedDemo(dir: string): Promise<Marked> {
  const path = checkpointed(await demoFile(dir, 'e2e.db', 0.01));
  const db = new Database(path);
  const project = db.prepare('SELECT id, slack_channel_id FROM projects ORDER BY name LIMIT 1').get() as { id: string; slack_channel_id: string };
  const insert = db.prepare(`INSERT INTO tasks (id, project_id, bot_name, command, prompt, status, slack_channel_id, slack_user_id,
    input_tokens, output_tokens, estimated_cost, max_budget, files_changed, commands_run, created_at, updated_at)
    VALUES (?, ?, 'coder', 'fix', ?, 'pending', ?, 'U0E2EUSER', 0, 0, 0, 5, ?, '[]', ?, ?)`);
  const soon = (m: number): string => new Date(Date.now() + m * 60_000).toISOString();
  const pending = 'task_e2eCancelMe000000000';
  const hostile = 'task_e2eHostile0000000000';
  insert.run(pending, project.id, 'e2e cancel me please', project.slack_channel_id, '[]', soon(10), soon(10));
  insert.run(hostile, project.id, `e2e-marker ${HOSTILE_TEXT} tail-marker`, project.slack_channel_id, `["${'\\u001b'}]0;pwned2\\u0007"]`, soon(5), soon(5));
  db.close();
  return { path, pending, hostile };
}
