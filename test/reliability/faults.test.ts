import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../db/connection.js';
import { BematicError } from '../../db/errors.js';
import { pushSchema } from '../../db/migrate/push-schema.js';
import { logPrompt } from '../../db/actions/prompts.js';
import { generateApiKey } from '../../db/actions/api-keys.js';
import { FTS_TABLE } from '../../db/search/fts.js';
import type { Operator } from '../../db/operator.js';
import { freshDatabase, tempDir } from '../helpers/temp-db.js';
import { isOneSentence, killAndWait, runBinary, startBinary, waitForStderr } from '../helpers/spawn.js';
import { checkpointed, demoFile, integrity, readOnlyForNobody, sha } from './fault-files.js';

const OP: Operator = { id: 'U0FAULTS', role: 'admin', known: false, active: true, readOnly: false };
const count = (db: Database.Database, table: string): number => db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;

/** prompt_history with `rows` prompts and no search index yet: migrate then backfills it in batches. */
function fileWithPrompts(dir: string, rows: number): string {
  const path = join(dir, 'prompts.db');
  const conn = openDatabase({ path, create: true });
  pushSchema(conn.sqlite);
  conn.sqlite
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
    INSERT INTO prompt_history (prompt, category, tags, context, related_files, execution_status, timestamp)
    SELECT 'Refactor the scheduler module number ' || i || CASE WHEN i % 97 = 0 THEN ' needle' ELSE '' END, 'refactor', '["core"]',
      NULL, '[]', 'pending', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM n`,
    )
    .run(rows);
  conn.close();
  return path;
}

describe('a process killed with SIGKILL in the middle of a bulk write', () => {
  it('demo killed while writing tasks leaves no half demo at the path; its partial file passes integrity_check; a rerun succeeds', async () => {
    const dir = tempDir();
    const path = join(dir, 'demo.db');
    const demo = startBinary(['demo', '--db', path, '--scale', '0.5']);
    await waitForStderr(demo, /tasks [\d,]+\/[\d,]+/);
    await killAndWait(demo, 'SIGKILL');
    // the demo is written under another name and renamed only when complete
    expect(existsSync(path)).toBe(false);
    const reader = await runBinary(['history', '--db', path]);
    expect(reader.code).toBe(1);
    expect(isOneSentence(reader.stderr)).toBe(true);
    expect(reader.stderr).toMatch(/no database at/);
    expect(integrity(`${path}.partial`)).toBe('ok');
    // `--demo` and `demo` start again instead of opening half a demo
    const again = await runBinary(['demo', '--db', path, '--scale', '0.01']);
    expect(again.code).toBe(0);
    expect(existsSync(`${path}.partial`)).toBe(false);
    expect(integrity(path)).toBe('ok');
  }, 60_000);

  it('migrate killed while backfilling the search index leaves a consistent file that a second migrate completes', async () => {
    const dir = tempDir();
    const path = fileWithPrompts(dir, 250_000);
    const migrate = startBinary(['migrate', '--db', path, '--yes']);
    await waitForStderr(migrate, new RegExp(`${FTS_TABLE}`));
    await killAndWait(migrate, 'SIGKILL');
    expect(integrity(path)).toBe('ok');
    const needles = Math.floor(250_000 / 97);
    // a half-built index is not used: the search still finds every row, by scanning
    const during = await runBinary(['history', '--db', path, '--search', 'needle', '--all', '--json']);
    expect(during.code).toBe(0);
    expect((JSON.parse(during.stdout) as unknown[]).length).toBe(needles);
    const second = await runBinary(['migrate', '--db', path, '--yes']);
    expect(second.stderr + second.stdout).not.toMatch(/unexpected/);
    expect(second.code).toBe(0);
    const db = new Database(path);
    expect(count(db, `${FTS_TABLE}_docsize`)).toBe(count(db, 'prompt_history'));
    expect(() => db.prepare(`INSERT INTO ${FTS_TABLE}(${FTS_TABLE}) VALUES ('integrity-check')`).run()).not.toThrow();
    db.close();
    const after = await runBinary(['history', '--db', path, '--search', 'needle', '--all', '--json']);
    expect((JSON.parse(after.stdout) as unknown[]).length).toBe(needles);
  }, 90_000);
});

describe('a full disk', () => {
  it('refuses a console change with one sentence and writes nothing (max_page_count reached)', () => {
    const conn = freshDatabase();
    logPrompt(conn.db, OP, 'a first prompt that fits');
    const pages = conn.sqlite.pragma('page_count', { simple: true }) as number;
    conn.sqlite.pragma(`max_page_count = ${pages + 2}`);
    const failure = (attempt: () => unknown): unknown => {
      try {
        attempt();
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const big = failure(() => logPrompt(conn.db, OP, 'x'.repeat(1 << 20)));
    expect(big).toBeInstanceOf(BematicError);
    expect((big as Error).message).toMatch(/disk is full.*nothing was changed/);
    expect(count(conn.sqlite, 'prompt_history')).toBe(1);
    // small keys fill the last free pages one by one: the one that does not fit leaves no trace
    let refused: unknown;
    for (let i = 0; i < 5000 && !refused; i++) refused = failure(() => generateApiKey(conn.db, OP, `agent-full-${i}`));
    expect((refused as Error)?.message).toMatch(/disk is full.*nothing was changed/);
    const generated = conn.sqlite.prepare("SELECT count(*) FROM audit_logs WHERE action = 'api-key:generated'").pluck().get();
    expect(count(conn.sqlite, 'api_keys')).toBe(generated);
    expect(count(conn.sqlite, 'audit_logs')).toBe(1 + (generated as number));
    expect(conn.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('log-prompt on a file system with no room left exits 1 with one sentence and adds no row', async (ctx) => {
    const { mountTinyDisk } = await import('./tiny-disk.js');
    const disk = mountTinyDisk(tempDir(), 3);
    if (!disk) return ctx.skip('cannot mount a tmpfs here (needs root); the max_page_count test covers the action layer');
    try {
      const path = join(disk.dir, 'bematic.db');
      const conn = openDatabase({ path, create: true });
      pushSchema(conn.sqlite);
      conn.close();
      disk.fill();
      const run = await runBinary(['log-prompt', '-', '--db', path], { input: 'y'.repeat(1 << 20) });
      expect(run.code).toBe(1);
      expect(isOneSentence(run.stderr)).toBe(true);
      expect(run.stderr).toMatch(/disk is full|no space/i);
      disk.free();
      const db = new Database(path);
      expect(count(db, 'prompt_history')).toBe(0);
      expect(count(db, 'audit_logs')).toBe(0);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    } finally {
      disk.unmount();
    }
  }, 60_000);
});

describe('a file the operator may only read', () => {
  it('as user nobody: writes refused in one sentence, reads say why they cannot make the -shm file, the file is untouched', async () => {
    const dir = tempDir();
    const path = readOnlyForNobody(dir, checkpointed(await demoFile(dir)));
    const before = sha(path);
    const write = await runBinary(['log-prompt', 'hello', '--db', path], { asNobody: true });
    expect(write.code).toBe(1);
    expect(isOneSentence(write.stderr)).toBe(true);
    expect(write.stderr).toMatch(/permission denied/);
    for (const args of [['history', '--limit', '3'], ['doctor']]) {
      const read = await runBinary([...args, '--db', path], { asNobody: true });
      expect({ code: read.code, oneSentence: isOneSentence(read.stderr) }).toEqual({ code: 1, oneSentence: true });
      expect(read.stderr).toMatch(/WAL mode and its folder is not writable/);
    }
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  }, 60_000);

  it('as user nobody beside a running service (its -wal and -shm present): reads work and change nothing', async () => {
    const dir = tempDir();
    const path = readOnlyForNobody(dir, checkpointed(await demoFile(dir)));
    const service = new Database(path); // root, like the service, keeps the file open in WAL
    try {
      service.prepare('UPDATE projects SET updated_at = updated_at WHERE rowid = 1').run();
      const before = { prompts: count(service, 'prompt_history'), audit: count(service, 'audit_logs') };
      for (const args of [['history', '--limit', '3'], ['history', '--stats'], ['doctor']]) {
        const read = await runBinary([...args, '--db', path], { asNobody: true });
        expect({ args, code: read.code, stderr: read.stderr }).toEqual({ args, code: 0, stderr: '' });
      }
      const write = await runBinary(['log-prompt', 'hello', '--db', path], { asNobody: true });
      expect(write.code).toBe(1);
      expect({ prompts: count(service, 'prompt_history'), audit: count(service, 'audit_logs') }).toEqual(before);
    } finally {
      service.close();
    }
  }, 60_000);

  it('--read-only: a write is a usage error and nothing changes, not even the journal mode', async () => {
    const dir = tempDir();
    const path = checkpointed(await demoFile(dir));
    const before = sha(path);
    const write = await runBinary(['log-prompt', 'hello', '--db', path, '--read-only']);
    expect(write.code).toBe(2);
    expect(isOneSentence(write.stderr)).toBe(true);
    for (const args of [['history'], ['history', '--search', 'fix', '--json'], ['doctor']]) {
      expect((await runBinary([...args, '--db', path, '--read-only'])).code).toBe(0);
    }
    expect(sha(path)).toBe(before);
  }, 60_000);
});
