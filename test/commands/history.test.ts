import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PromptHistoryRepository } from '../../db/repositories/prompt-history.js';
import { insertServicePrompt } from '../db/prompt-history-seed.js';
import { freshDatabase, tempDbPath } from '../helpers/temp-db.js';
import { ANSI, promptDatabase, runBin, runNpm } from './history-fixtures.js';

const ids = (stdout: string): number[] => (JSON.parse(stdout) as { id: number }[]).map((r) => r.id);
const dataLines = (stdout: string): string[] => stdout.trimEnd().split('\n').slice(1);

describe('history: how many', () => {
  it('shows the newest 20 by default, --limit N, or --all, newest first, plain when piped', () => {
    const { conn, path } = promptDatabase(false);
    for (let i = 0; i < 15; i++) insertServicePrompt(conn.sqlite, { prompt: `extra ${i}` });
    const byDefault = runBin(['history', '--db', path]);
    expect(byDefault.code).toBe(0);
    expect(byDefault.stdout).not.toMatch(ANSI);
    expect(byDefault.stdout.split('\n')[0]).toMatch(/^\s*ID\s+CREATED\s+STATUS\s+CATEGORY\s+TAGS\s+PROMPT$/);
    const rows = dataLines(byDefault.stdout);
    expect(rows).toHaveLength(20);
    expect(rows[0]).toMatch(/^27\s.*extra 14$/);
    expect(dataLines(runBin(['history', '--db', path, '--limit', '5']).stdout)).toHaveLength(5);
    expect(dataLines(runBin(['history', '--db', path, '--all']).stdout)).toHaveLength(27);
  });

  it('works exactly as the spec writes it: npm run history -- --limit 5', () => {
    const { path } = promptDatabase(false);
    const r = runNpm(['run', '--silent', 'history', '--', '--limit', '5'], { DATABASE_URL: path });
    expect(r.code).toBe(0);
    expect(dataLines(r.stdout)).toHaveLength(5);
  });
});

describe('history: filters, alone and combined, on migrated and unmigrated files', () => {
  it('return what the repository returns, the same on both files', () => {
    const indexed = promptDatabase(true);
    const plain = promptDatabase(false);
    const repo = new PromptHistoryRepository(plain.conn.db);
    // Search and tag take different paths on the two files; the other filters do not.
    const cases: [string[], Parameters<PromptHistoryRepository['findAll']>[0], boolean][] = [
      [['--search', '100%'], { search: '100%' }, true],
      [['--tag', 'say "hi"'], { tag: 'say "hi"' }, true],
      [['--search', 'auth', '--tag', 'api', '--status', 'completed', '--category', 'documentation'], { search: 'auth', tag: 'api', status: 'completed', category: 'documentation' }, true],
      [['--category', 'bugfix'], { category: 'bugfix' }, false],
      [['--status', 'pending', '--limit', '2'], { status: 'pending', limit: 2 }, false],
      [['--search', 'e', '--all'], { search: 'e', limit: 1000 }, false],
    ];
    for (const [flags, filters, both] of cases) {
      const expected = repo.findAll(filters).map((r) => r.id);
      expect(expected.length, flags.join(' ')).toBeGreaterThan(0);
      for (const db of both ? [indexed.path, plain.path] : [indexed.path]) {
        const r = runBin(['history', '--db', db, '--json', ...flags]);
        expect(r.code, r.stderr).toBe(0);
        expect(ids(r.stdout), `${flags.join(' ')} on ${db}`).toEqual(expected);
      }
    }
  });
});

describe('history: output', () => {
  it('--json rows carry the row fields with tags and relatedFiles as arrays, malformed JSON kept raw', () => {
    const { path } = promptDatabase(false);
    const rows = JSON.parse(runBin(['history', '--db', path, '--json', '--all']).stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(12);
    const keys = ['id', 'prompt', 'category', 'tags', 'context', 'relatedFiles', 'executionStatus', 'executionNotes', 'estimatedDurationMinutes', 'actualDurationMinutes', 'timestamp', 'completedAt'];
    expect(Object.keys(rows.find((r) => r.prompt === 'Update docs')!).sort()).toEqual([...keys].sort());
    expect(rows.find((r) => r.prompt === 'Update docs')).toMatchObject({ tags: ['docs', 'api'], relatedFiles: [] });
    expect(rows.find((r) => r.prompt === 'Research caching layers')).toMatchObject({ tags: [], tagsRaw: 'not json at all' });
  });

  it('shows control characters and ANSI escapes in stored text inert', () => {
    const { path } = promptDatabase(false);
    const text = runBin(['history', '--db', path, '--search', 'bell']);
    // eslint-disable-next-line no-control-regex -- the escape and control characters are what the test looks for
    expect(text.stdout).not.toMatch(/[\u0007\u001b]/);
    expect(text.stdout).toContain('bell \\x07 and \\x1b[31mred\\x1b[0m escape');
    const json = runBin(['history', '--db', path, '--search', 'bell', '--json']).stdout;
    // eslint-disable-next-line no-control-regex -- the escape and control characters are what the test looks for
    expect(json).not.toMatch(/[\u0007\u001b]/);
    expect((JSON.parse(json) as { prompt: string }[])[0]!.prompt).toBe('bell \u0007 and \u001b[31mred\u001b[0m escape');
  });

  it("--stats gives every section, and --json the service's shape and more; filters apply", () => {
    const { path } = promptDatabase(true);
    const text = runBin(['history', '--db', path, '--stats']);
    expect(text.code).toBe(0);
    for (const section of ['By status', 'Average duration of completed prompts', 'Estimated against actual', 'By category', 'Most used tags', 'Prompts per week']) {
      expect(text.stdout).toContain(section);
    }
    expect(text.stdout).not.toMatch(ANSI);
    const stats = JSON.parse(runBin(['history', '--db', path, '--stats', '--json']).stdout) as Record<string, unknown>;
    expect(stats).toMatchObject({ total: 12, completed: 5, pending: 5, failed: 1, cancelled: 1 });
    expect(stats.averageDuration).toBeCloseTo((45 + 50 + 12 + 5 + 7) / 5);
    expect(Object.keys(stats)).toEqual(expect.arrayContaining(['byStatus', 'byCategory', 'durations', 'topTags', 'weekly']));
    const filtered = JSON.parse(runBin(['history', '--db', path, '--stats', '--json', '--tag', 'api', '--status', 'completed']).stdout);
    expect(filtered).toMatchObject({ total: 2, completed: 2 });
  });

  it('--categories and --tags list each with its count, as text or JSON', () => {
    const { path } = promptDatabase(true);
    const tags = runBin(['history', '--db', path, '--tags']).stdout;
    expect(tags).toMatch(/^api\s+4\s/m);
    expect(tags).toMatch(/^say "hi"\s+1\s/m);
    expect(JSON.parse(runBin(['history', '--db', path, '--tags', '--json', '--limit', '1']).stdout)).toEqual([{ tag: 'api', count: 4 }]);
    expect(runBin(['history', '--db', path, '--categories']).stdout).toMatch(/^bugfix\s+2\s/m);
    const cats = JSON.parse(runBin(['history', '--db', path, '--categories', '--json', '--status', 'completed']).stdout);
    expect(cats).toEqual(
      expect.arrayContaining([
        { category: 'feature', count: 2 },
        { category: null, count: 2 },
      ]),
    );
  });
});

describe('history: refusals and unusual files', () => {
  it('refuses bad values with exit 2 and one sentence', () => {
    const { path } = promptDatabase(false);
    const bad: [string[], RegExp][] = [
      [['--limit', 'abc'], /--limit must be a whole number above 0, not "abc"/],
      [['--limit', '0'], /--limit must be a whole number above 0/],
      [['--status', 'bogus'], /unknown status "bogus"; use one of pending, completed, failed, cancelled/],
      [['--all', '--limit', '5'], /--all and --limit cannot be combined/],
      [['--stats', '--tags'], /choose one of --stats, --categories, --tags/],
      [['--search', ''], /--search needs a value/],
      [['--frobnicate'], /unknown option '--frobnicate'/i],
      [['--limit'], /argument missing/i],
    ];
    for (const [flags, message] of bad) {
      const r = runBin(['history', '--db', path, ...flags]);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });

  it('reads a file without prompt_history as empty, with a hint to migrate; read-only too', () => {
    const conn = freshDatabase();
    conn.sqlite.exec('DROP TABLE prompt_history');
    const list = runBin(['history', '--db', conn.path, '--read-only', '--search', 'x', '--tag', 'y']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('No prompts match.');
    expect(list.stderr).toMatch(/no prompt_history table yet; `bematic-console migrate` adds it/);
    expect(JSON.parse(runBin(['history', '--db', conn.path, '--stats', '--json']).stdout)).toMatchObject({ total: 0, averageDuration: null });
    expect(JSON.parse(runBin(['history', '--db', conn.path, '--tags', '--json']).stdout)).toEqual([]);
  });

  it('says in one sentence when the database is missing, and never creates it', () => {
    const missing = tempDbPath();
    const r = runBin(['history'], { env: { DATABASE_URL: missing } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^bematic-console: no database at .*bematic\.db; check --db or DATABASE_URL/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(runBin(['history', '--db', missing]).code).toBe(1);
    expect(existsSync(missing)).toBe(false);
  });
});
