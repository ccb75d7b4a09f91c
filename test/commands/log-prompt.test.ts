import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { runBin, runBinAsync, runNpm } from './history-fixtures.js';

interface Row {
  id: number;
  prompt: string;
  category: string | null;
  tags: string;
  context: string | null;
  related_files: string;
  execution_status: string;
}

const row = (sqlite: Database.Database, id: number): Row => sqlite.prepare('SELECT * FROM prompt_history WHERE id = ?').get(id) as Row;

describe('log-prompt: logging', () => {
  it('logs text with category, repeated tags, context and repeated files; prints the id; audits it', () => {
    const { sqlite, path } = freshDatabase();
    // --as must name a user (compared exactly, as the service does)
    sqlite
      .prepare("INSERT INTO users (id, slack_user_id, slack_username, role, active, created_at, updated_at) VALUES ('user_o', 'U_OPS', 'ops', 'developer', 1, ?, ?)")
      .run(new Date().toISOString(), new Date().toISOString());
    const r = runBin([
      'log-prompt',
      'Refactor API',
      '--category',
      'refactor',
      '--tag',
      'api',
      '--tag',
      'say "hi"',
      '--context',
      'API reference',
      '--file',
      'README.md',
      '--file',
      'src/api.ts',
      '--db',
      path,
      '--as',
      'U_OPS',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\n$/);
    const id = Number(r.stdout);
    expect(row(sqlite, id)).toMatchObject({
      prompt: 'Refactor API',
      category: 'refactor',
      tags: '["api","say \\"hi\\""]',
      context: 'API reference',
      related_files: '["README.md","src/api.ts"]',
      execution_status: 'pending',
    });
    expect(sqlite.prepare('SELECT action, user_id AS userId, resource_type AS type, resource_id AS id FROM audit_logs').all()).toEqual([
      { action: 'prompt:logged', userId: 'U_OPS', type: 'prompt', id: String(id) },
    ]);
  });

  it('works as the spec writes it: npm run log-prompt -- "Fix login bug" --category bugfix', () => {
    const { sqlite, path } = freshDatabase();
    const r = runNpm(['run', '--silent', 'log-prompt', '--', 'Fix login bug', '--category', 'bugfix'], { DATABASE_URL: path });
    expect(r.code).toBe(0);
    expect(row(sqlite, Number(r.stdout))).toMatchObject({ prompt: 'Fix login bug', category: 'bugfix', tags: '[]' });
  });

  it('reads the text from stdin with -', () => {
    const { sqlite, path } = freshDatabase();
    const r = runBin(['log-prompt', '-', '--db', path, '--tag', 'stdin'], { input: 'first line\nsecond line\n' });
    expect(r.code).toBe(0);
    expect(row(sqlite, Number(r.stdout))).toMatchObject({ prompt: 'first line\nsecond line', tags: '["stdin"]' });
  });

  it("waits for another process's write transaction instead of failing", async () => {
    const { sqlite, path } = freshDatabase();
    const service = new Database(path);
    try {
      service.prepare('BEGIN IMMEDIATE').run();
      const held = service.prepare("INSERT INTO prompt_history (prompt, timestamp) VALUES ('held by the service', ?)").run(new Date().toISOString());
      const child = runBinAsync(['log-prompt', 'while the service writes', '--db', path]);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      service.prepare('COMMIT').run();
      const r = await child;
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(Number(r.stdout)).toBeGreaterThan(Number(held.lastInsertRowid));
      expect(row(sqlite, Number(r.stdout)).prompt).toBe('while the service writes');
    } finally {
      service.close();
    }
  });
});

describe('log-prompt: refusals', () => {
  it('refuses empty text, a missing text, unknown categories and --read-only with exit 2, writing nothing', () => {
    const { sqlite, path } = freshDatabase();
    const cases: [string[], string | undefined, RegExp][] = [
      [['log-prompt', ''], undefined, /the prompt text is empty/],
      [['log-prompt', '   '], undefined, /the prompt text is empty/],
      [['log-prompt', '-'], '\n', /the prompt text is empty/],
      [['log-prompt'], undefined, /needs the prompt text/],
      [['log-prompt', 'one', 'two'], undefined, /as one argument/],
      [['log-prompt', 'x', '--category', 'chore'], undefined, /unknown category "chore"; use one of feature, bugfix, refactor, documentation, research/],
      [['log-prompt', 'x', '--read-only'], undefined, /cannot run with --read-only/],
    ];
    for (const [args, input, message] of cases) {
      const r = runBin([...args, '--db', path], { input });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    expect(sqlite.prepare('SELECT count(*) FROM prompt_history').pluck().get()).toBe(0);
  });

  it('refuses a viewer, and a file without prompt_history names migrate (exit 1)', () => {
    const { sqlite, path } = freshDatabase();
    sqlite
      .prepare("INSERT INTO users (id, slack_user_id, slack_username, role, active, created_at, updated_at) VALUES ('user_v', 'U_VIEW', 'viewer', 'viewer', 1, ?, ?)")
      .run(new Date().toISOString(), new Date().toISOString());
    const viewer = runBin(['log-prompt', 'x', '--db', path, '--as', 'U_VIEW']);
    expect(viewer.code).toBe(1);
    expect(viewer.stderr).toMatch(/^bematic-console: operator U_VIEW is a viewer/);
    sqlite.exec('DROP TABLE prompt_history');
    const old = runBin(['log-prompt', 'x', '--db', path]);
    expect(old.code).toBe(1);
    expect(old.stderr).toMatch(/table prompt_history is missing from this database; run `bematic-console migrate`/);
  });
});
