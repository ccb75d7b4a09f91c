import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { median, ratio, formatMs, formatRatio, sampleSync } from '../../src/bench/stats.js';
import { captureStatements, readsOnly } from '../../src/bench/capture.js';
import { runBareJob } from '../../src/bench/bare-job.js';
import { withoutIndexes, offsetPage } from '../../src/bench/service-sql.js';
import { benchTable } from '../../src/bench/report.js';

describe('bench helpers', () => {
  it('takes medians and ratios', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(ratio(30, 10)).toBe(3);
    expect(ratio(30, 0)).toBeUndefined();
    expect(ratio(undefined, 1)).toBeUndefined();
    expect(formatMs(1234.4)).toBe('1234 ms');
    expect(formatMs(3.14159)).toBe('3.14 ms');
    expect(formatRatio(123.4)).toBe('123x');
    expect(sampleSync(() => 0, 3, 1)).toHaveLength(3);
  });

  it('captures the SQL a piece of code runs and replays it bare', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-'));
    const path = join(dir, 'x.db');
    const setup = new Database(path);
    setup.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); INSERT INTO t (v) VALUES ('a'), ('b'), ('c')");
    setup.close();
    const db = new Database(path);
    const { result, statements } = await captureStatements(() => db.prepare('SELECT v FROM t WHERE id > ?').pluck().all(1));
    db.close();
    expect(result).toEqual(['b', 'c']);
    expect(statements).toEqual([{ sql: 'SELECT v FROM t WHERE id > ?', params: [1], method: 'all', mode: 'pluck' }]);
    const replay = runBareJob({ db: path, readonly: true, statements: readsOnly(statements), repeat: 2, warmup: 1 });
    expect(replay.runs).toHaveLength(2);
    expect(replay.rows).toBe(2);
  });

  it('turns the console SQL into the service way: no console index, OFFSET paging', () => {
    const s = { sql: 'select "id" from "tasks" left join "projects" on 1 order by "tasks"."created_at" desc limit ?', params: [50], method: 'all' as const, mode: 'raw' as const };
    expect(withoutIndexes(s).sql).toContain('from "tasks" NOT INDEXED left join "projects"');
    expect(offsetPage(s, 100)).toMatchObject({ params: [50, 100] });
    expect(offsetPage(s, 100).sql.endsWith('offset ?')).toBe(true);
    const named = { ...s, sql: 'SELECT max(key) FROM (SELECT "created_at" AS key FROM "sessions" INDEXED BY "idx_sessions_created" WHERE 1)' };
    expect(withoutIndexes(named).sql).toContain('FROM "sessions" NOT INDEXED WHERE 1');
  });

  it('prints one table with ratios and targets', () => {
    const [head, , row] = benchTable([{ group: 'g', work: 'w', floor: 2, service: 100, console: 4, target: { text: 'fast', met: true } }]);
    expect(head).toContain("service's way");
    expect(row).toContain('| 2.00x | 25.0x | met: fast |');
  });
});

describe('npm run bench, end to end at scale 0.01', () => {
  const run = join(process.cwd(), 'dist/src/bench/run.js');
  it.skipIf(!existsSync(run))(
    'measures every suite once and prints the table, on a CI runner too',
    () => {
      // CI set, as on a CI runner: Ink would draw no frame until exit and the screens suite would wait forever
      const env = { ...process.env, CI: 'true' };
      const r = spawnSync(process.execPath, [run, '--scale', '0.01', '--runs', '1', '--pages', '20', '--no-write'], { encoding: 'utf8', timeout: 240_000, env });
      expect(r.stderr).not.toMatch(/^bench: /m);
      expect(r.status).toBe(0);
      for (const work of [
        'history --stats',
        'first page',
        'key PgDn (next page)',
        'filter status:failed + Enter: its exact total on screen',
        'start to first dashboard frame',
        'heap after GC',
        'never migrated',
        'INSERT a task (RETURNING *)',
      ]) {
        expect(r.stdout).toContain(work);
      }
    },
    300_000,
  );
});
