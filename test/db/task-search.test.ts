import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase, tempDbPath } from '../helpers/temp-db.js';
import { openDatabase, wrapDatabase, type DB } from '../../db/connection.js';
import { taskListSource } from '../../db/views/tasks.js';
import { foldCase } from '../../db/search/fold.js';
import { canUseTaskFts, drainTaskFts, taskFtsExtra, taskFtsReady, TASK_FTS_MARK, TASK_FTS_QUEUE, TASK_FTS_TABLE } from '../../db/search/task-fts.js';
import { readShape } from '../../db/shape.js';
import { INDEX_CANDIDATES_MAX, narrowMatch } from '../../db/search/task-text.js';
import { planMigration } from '../../db/migrate/plan.js';
import { applyMigration } from '../../db/migrate/apply.js';
import { slowOperations } from '../../db/doctor/slow-operations.js';
import { SERVICE_AGES, createServiceDatabase, runServiceBootDdl } from '../fixtures/service-ddl.js';
import { insertServiceRows } from '../fixtures/service-rows.js';

// The Tasks text filter through tasks_fts (a migrated file) and by scanning (before migrate)
// must give the same rows, both equal to a plain reading of "substring of the prompt, result or
// error, in any case" (folded for all of Unicode, db/search/fold.ts).

interface SeedTask {
  readonly prompt: string;
  readonly result?: string | null;
  readonly error?: string | null;
  /** index of the parent in the list: a subtask */
  readonly parent?: number;
}

const LONG = `${'padding words that fill the preview '.repeat(6)}and the needle Zyxwv sits past the preview`;

export const TRICKY_TASKS: readonly SeedTask[] = [
  { prompt: 'Fix the Ωmega login redirect', result: 'Patched middleware' },
  { prompt: "Review 100% of the _auth_ module; don't skip tests", error: 'Budget exceeded' },
  { prompt: 'Deploy "quoted" build for O\'Brien', error: 'C:\\temp\\path not found' },
  { prompt: 'ÉCOLE import', result: 'école done: 50_% faster' },
  { prompt: 'Plain AUTHENTICATION work', result: null, error: null, parent: 0 },
  { prompt: 'Rename snake_case helpers', result: 'ΟΔΟΣ renamed', parent: 0 },
  { prompt: 'İstanbul office printer', result: 'Straße fixed' },
  { prompt: 'back\\slash escape', error: 'ANSI \u001b[31mred\u001b[0m in logs' },
  { prompt: 'abc then bca', result: 'Kelvin \u212A sign' },
  { prompt: LONG },
  { prompt: 'Georgian ა letter', result: 'ᲐᲑᲒ Mtavruli' },
  { prompt: 'emoji 🔁 loop', result: 'done 🔁', parent: 3 },
];

const SEARCHES = [
  '100%',
  '%',
  '_',
  'snake_case',
  '50_%',
  '"quoted"',
  "O'Brien",
  'C:\\temp\\path',
  'back\\slash',
  '\\',
  'AUTHENTICATION',
  'authentication',
  'AuThEnTiCaTiOn',
  'école',
  'ÉCOLE',
  'ωMEGA',
  'Ωmega',
  'οδοσ',
  'ΟΔΟΣ',
  'İstanbul',
  'straße',
  'kelvin k',
  'abc',
  'bca',
  'ab',
  'a',
  'zyxwv',
  'nothing like this',
  'kubernetes',
  ' % ',
  '\u001b[31m',
  'ა',
  'აბგ',
  '🔁',
  'BUDGET exc',
  'patched MIDDLEWARE',
];

const matches = (t: SeedTask, q: string): boolean => [t.prompt, t.result ?? '', t.error ?? ''].some((s) => foldCase(s).includes(foldCase(q)));

const iso = (i: number): string => new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();

/** The tasks as the service writes them (rowid order = insertion order), ids task_00..; returns the ids. */
function seedTasks(sqlite: Database.Database, tasks: readonly SeedTask[] = TRICKY_TASKS): string[] {
  sqlite
    .prepare(
      `INSERT INTO projects (id, name, slack_channel_id, local_path, agent_id, default_model, default_max_budget, active, created_at, updated_at)
    VALUES ('proj_1', 'Ωmega Labs', 'C01', '/srv', 'agent-1', 'm', 5, 1, ?, ?)`,
    )
    .run(iso(0), iso(0));
  const insert = sqlite.prepare(`INSERT INTO tasks (id, project_id, bot_name, command, prompt, status, result, error_message,
    slack_channel_id, slack_user_id, created_at, updated_at, parent_task_id) VALUES (?, 'proj_1', 'coder', 'fix', ?, 'completed', ?, ?, 'C01', 'U1', ?, ?, ?)`);
  const ids = tasks.map((_, i) => `task_${String(i).padStart(2, '0')}`);
  tasks.forEach((t, i) => insert.run(ids[i], t.prompt, t.result ?? null, t.error ?? null, iso(i + 1), iso(i + 1), t.parent === undefined ? null : ids[t.parent]));
  return ids;
}

/** The file of a connection. */
const indexed = (sqlite: Database.Database): string => sqlite.name;

const applyTaskIndex = (sqlite: Database.Database, progress: (done: number, total: number) => void = () => {}): void => taskFtsExtra.apply(sqlite, progress);

/** FTS5's own check of its structure, and the index holds exactly the tasks once nothing is queued. */
const ftsIntegrity = (sqlite: Database.Database): void => {
  drainTaskFts(sqlite);
  sqlite.prepare(`INSERT INTO ${TASK_FTS_TABLE}(${TASK_FTS_TABLE}, rank) VALUES ('integrity-check', 0)`).run();
  expect(queued(sqlite)).toEqual([]);
  const indexed = sqlite.prepare(`SELECT id FROM ${TASK_FTS_TABLE}_docsize ORDER BY id`).pluck().all();
  expect(indexed).toEqual(sqlite.prepare('SELECT rowid FROM tasks ORDER BY rowid').pluck().all());
};

const mark = (sqlite: Database.Database): number | undefined => sqlite.prepare(`SELECT indexed_to FROM ${TASK_FTS_MARK}`).pluck().get() as number | undefined;
const queued = (sqlite: Database.Database): number[] => sqlite.prepare(`SELECT task_rowid FROM ${TASK_FTS_QUEUE} ORDER BY 1`).pluck().all() as number[];
const rowidOf = (sqlite: Database.Database, id: string): number => sqlite.prepare('SELECT rowid FROM tasks WHERE id = ?').pluck().get(id) as number;

let addedAt = 100;
/** A task as the service inserts it, created after every seeded one (and every one added before). */
function addTask(sqlite: Database.Database, id: string, prompt: string): void {
  const at = iso(addedAt++);
  sqlite
    .prepare(
      `INSERT INTO tasks (id, project_id, bot_name, command, prompt, status, slack_channel_id, slack_user_id, created_at, updated_at)
    VALUES (?, 'proj_1', 'coder', 'fix', ?, 'pending', 'C01', 'U1', ?, ?)`,
    )
    .run(id, prompt, at, at);
}

const textRows = (db: DB, text: string): string[] =>
  taskListSource(db, { text })
    .page({ kind: 'first' }, 100)
    .map((r) => r.id);
const textCount = (db: DB, text: string): number => {
  const s = taskListSource(db, { text });
  return s.counter.countRange(0, s.counter.maxRowid());
};

const opened: Database.Database[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

describe('Tasks text filter: full-text index and scan agree', () => {
  it('return the same rows, newest first, as a literal substring of prompt, result or error in any case', () => {
    const indexed = freshDatabase();
    const scanning = freshDatabase();
    const ids = seedTasks(indexed.sqlite);
    seedTasks(scanning.sqlite);
    applyTaskIndex(indexed.sqlite);
    expect(taskFtsReady(readShape(indexed.sqlite))).toBe(true);
    expect(taskFtsReady(readShape(scanning.sqlite))).toBe(false);
    ftsIntegrity(indexed.sqlite);
    for (const q of SEARCHES) {
      const expected = TRICKY_TASKS.flatMap((t, i) => (matches(t, q) ? [ids[i]!] : [])).reverse();
      expect(textRows(indexed.db, q), `indexed ${JSON.stringify(q)}`).toEqual(expected);
      expect(textRows(scanning.db, q), `scanning ${JSON.stringify(q)}`).toEqual(expected);
      expect(textCount(indexed.db, q), `indexed count ${JSON.stringify(q)}`).toBe(expected.length);
      expect(textCount(scanning.db, q), `scanning count ${JSON.stringify(q)}`).toBe(expected.length);
    }
  });

  it('ask the index for queries of three characters or more, scan shorter ones and those it folds otherwise', () => {
    const { sqlite } = freshDatabase();
    seedTasks(sqlite);
    expect(canUseTaskFts(readShape(sqlite), 'kubernetes')).toBe(false);
    applyTaskIndex(sqlite);
    const shape = readShape(sqlite);
    expect(canUseTaskFts(shape, 'kubernetes')).toBe(true);
    expect(canUseTaskFts(shape, 'ωMEGA')).toBe(true);
    expect(canUseTaskFts(shape, 'ab')).toBe(false);
    expect(canUseTaskFts(shape, 'აბგ')).toBe(false);
  });

  it('combine with the field filters (status, project by any-case name, subtasks stay rows)', () => {
    const { sqlite, db } = freshDatabase();
    const ids = seedTasks(sqlite);
    applyTaskIndex(sqlite);
    sqlite.prepare("UPDATE tasks SET status = 'failed' WHERE id = ?").run(ids[5]);
    const page = (f: Parameters<typeof taskListSource>[1]): string[] =>
      taskListSource(db, f)
        .page({ kind: 'first' }, 100)
        .map((r) => r.id);
    expect(page({ text: 'renamed', status: ['failed'] })).toEqual([ids[5]]);
    expect(page({ text: 'renamed', status: ['completed'] })).toEqual([]);
    expect(page({ text: 'authentication', project: 'ωMEGA' })).toEqual([ids[4]]);
    expect(page({ text: 'authentication', project: 'alpha' })).toEqual([]);
  });
});

describe('Tasks text filter: index or scan by how common the text is', () => {
  it('reads common text in list order, rare text and text whose trigrams are common but itself rare through the index, with the same rows', () => {
    const indexed = freshDatabase();
    const scanning = freshDatabase();
    const many: SeedTask[] = Array.from({ length: 2 * (INDEX_CANDIDATES_MAX + 100) }, (_, i) => ({
      prompt: i % 2 === 0 ? `Billing export ${i}` : `timeo eout ${i}`, // the second holds every trigram of "timeout", not the word
      result: i === 7 ? 'a TIMEOUT at last' : null,
    }));
    const ids = seedTasks(indexed.sqlite, many);
    seedTasks(scanning.sqlite, many);
    applyTaskIndex(indexed.sqlite);
    expect(narrowMatch(indexed.sqlite, 'billing')).toBeNull(); // 2,100 rows hold it: common, read in list order
    expect(narrowMatch(indexed.sqlite, 'timeout')).toBe('"timeout"'); // its trigrams: 2,101 rows; the phrase: 1
    expect(narrowMatch(indexed.sqlite, 'kubernetes')).not.toBeNull();
    for (const q of ['billing', 'BILLING EXPORT 12', 'timeout', 'timeo eout', 'timeo eout and a long tail', 'kubernetes']) {
      const expected = many
        .flatMap((t, i) => (matches(t, q) ? [ids[i]!] : []))
        .reverse()
        .slice(0, 100);
      expect(textRows(indexed.db, q), `indexed ${q}`).toEqual(expected);
      expect(textRows(scanning.db, q), `scanning ${q}`).toEqual(expected);
    }
  });
});

describe('Tasks text filter: a long query', () => {
  it('whose trigrams are all common asks the index for its start (or end) as a phrase, with the same rows as a scan', () => {
    const indexed = freshDatabase();
    const scanning = freshDatabase();
    // every row holds each trigram of "north wind north", none the phrase but two
    const many: SeedTask[] = Array.from({ length: INDEX_CANDIDATES_MAX + 100 }, (_, i) => ({
      prompt: `north wind ${i} wind north`,
      result: i === 5 ? 'NORTH WIND NORTH at last' : i === 9 ? 'a wind north wind north' : null,
    }));
    const ids = seedTasks(indexed.sqlite, many);
    seedTasks(scanning.sqlite, many);
    applyTaskIndex(indexed.sqlite);
    expect(narrowMatch(indexed.sqlite, 'north wind north')).toBe('"north wind nor"'); // the whole phrase is 14 trigrams: too dear
    expect(narrowMatch(indexed.sqlite, 'wind north wind north')).toBe('"wind north win"');
    for (const q of ['north wind north', 'wind north wind north', 'NORTH WIND NORTH AT LAST', 'north wind 12 wind north', 'north wind 2099 wind north']) {
      const expected = many
        .flatMap((t, i) => (matches(t, q) ? [ids[i]!] : []))
        .reverse()
        .slice(0, 100);
      expect(textRows(indexed.db, q), `indexed ${q}`).toEqual(expected);
      expect(textRows(scanning.db, q), `scanning ${q}`).toEqual(expected);
    }
  });
});

describe('tasks_fts is kept by triggers inside the service writes', () => {
  it('queue text changes and deletes (not status, tokens or cost, nor a new task: above the mark); searches read both until indexed', () => {
    const { sqlite, db } = freshDatabase();
    const ids = seedTasks(sqlite);
    applyTaskIndex(sqlite);
    expect(queued(sqlite)).toEqual([]);
    sqlite
      .prepare(
        `INSERT INTO tasks (id, project_id, bot_name, command, prompt, status, slack_channel_id, slack_user_id, created_at, updated_at)
      VALUES ('task_new', 'proj_1', 'coder', 'fix', 'Upgrade kubernetes charts', 'pending', 'C01', 'U1', ?, ?)`,
      )
      .run(iso(50), iso(50));
    const added = rowidOf(sqlite, 'task_new');
    expect(queued(sqlite)).toEqual([]); // the service's INSERT wrote nothing of ours: its rowid is above the mark
    expect(mark(sqlite)).toBe(added - 1);
    expect(narrowMatch(sqlite, 'kubernetes')).not.toBeNull(); // the index path, which reads the rows above the mark too
    expect(textRows(db, 'KUBERNETES')).toEqual(['task_new']); // found, and indexed by the search itself
    expect(mark(sqlite)).toBe(added);
    expect(queued(sqlite)).toEqual([]);
    // the service's frequent updates: status, tokens, cost: the update trigger does not fire
    sqlite.prepare("UPDATE tasks SET status = 'running', input_tokens = 10, estimated_cost = 0.5, updated_at = ? WHERE id = 'task_new'").run(iso(51));
    sqlite.prepare("UPDATE tasks SET result = result, prompt = prompt WHERE id = 'task_new'").run(); // set, not changed
    expect(queued(sqlite)).toEqual([]);
    sqlite.prepare("UPDATE tasks SET status = 'completed', result = 'Helm Ωmega upgraded', updated_at = ? WHERE id = 'task_new'").run(iso(52));
    sqlite.prepare('UPDATE tasks SET error_message = ? WHERE id = ?').run('Rate limited by upstream', ids[0]);
    sqlite.prepare('DELETE FROM tasks WHERE id = ?').run(ids[7]);
    expect(queued(sqlite)).toEqual([rowidOf(sqlite, ids[0]!), 8, added].sort((a, b) => a - b));
    // read-only: nothing indexed, the queued rows read as they are
    const reader = new Database(indexed(sqlite), { readonly: true });
    opened.push(reader);
    const rdb = wrapDatabase(reader);
    expect(textRows(rdb, 'helm ωmega')).toEqual(['task_new']);
    expect(textRows(rdb, 'rate LIMITED')).toEqual([ids[0]]);
    expect(textRows(rdb, 'back\\slash')).toEqual([]);
    expect(textRows(rdb, 'kubernetes')).toEqual(['task_new']);
    expect(queued(sqlite)).toHaveLength(3);
    expect(textRows(db, 'helm ωmega')).toEqual(['task_new']);
    expect(queued(sqlite)).toEqual([]);
    expect(textRows(db, 'rate LIMITED')).toEqual([ids[0]]);
    expect(textRows(db, 'back\\slash')).toEqual([]);
    ftsIntegrity(sqlite);
  });

  it('never make the service wait: a drain that meets its lock stops at once and leaves the rows queued', () => {
    const { sqlite } = freshDatabase();
    seedTasks(sqlite);
    applyTaskIndex(sqlite);
    sqlite.prepare("UPDATE tasks SET result = 'changed' WHERE id = 'task_00'").run();
    const service = new Database(indexed(sqlite), { timeout: 5000 });
    opened.push(service);
    service.prepare('BEGIN IMMEDIATE').run();
    expect(drainTaskFts(sqlite)).toBe(0);
    expect(queued(sqlite)).toHaveLength(1);
    service.prepare('COMMIT').run();
    expect(drainTaskFts(sqlite)).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0); // put back
  });

  it('a rowid at or below the mark again (the last task deleted, then a new one) is queued, and searches find the new text only', () => {
    const { sqlite, db } = freshDatabase();
    const ids = seedTasks(sqlite);
    applyTaskIndex(sqlite);
    const last = rowidOf(sqlite, ids.at(-1)!);
    expect(mark(sqlite)).toBe(last);
    sqlite.prepare('DELETE FROM tasks WHERE id = ?').run(ids.at(-1));
    expect(drainTaskFts(sqlite)).toBe(1); // its entry out
    addTask(sqlite, 'task_reuse', 'Rotate the vault tokens');
    expect(rowidOf(sqlite, 'task_reuse')).toBe(last); // SQLite gave the freed rowid again
    expect(queued(sqlite)).toEqual([last]);
    const reader = new Database(indexed(sqlite), { readonly: true });
    opened.push(reader);
    expect(textRows(wrapDatabase(reader), 'vault TOKENS')).toEqual(['task_reuse']);
    expect(textRows(wrapDatabase(reader), 'emoji 🔁')).toEqual([]);
    expect(textRows(db, 'vault tokens')).toEqual(['task_reuse']);
    ftsIntegrity(sqlite);
    expect(mark(sqlite)).toBe(last);
  });

  it('a task changed or deleted while above the mark is not queued: it is indexed as it is when the mark passes it', () => {
    const { sqlite, db } = freshDatabase();
    seedTasks(sqlite);
    applyTaskIndex(sqlite);
    addTask(sqlite, 'task_a', 'first words');
    addTask(sqlite, 'task_b', 'doomed words');
    sqlite.prepare("UPDATE tasks SET result = 'Quasar shipped' WHERE id = 'task_a'").run();
    sqlite.prepare("DELETE FROM tasks WHERE id = 'task_b'").run();
    expect(queued(sqlite)).toEqual([]);
    expect(textRows(db, 'quasar')).toEqual(['task_a']);
    expect(textRows(db, 'doomed')).toEqual([]);
    expect(mark(sqlite)).toBe(rowidOf(sqlite, 'task_a'));
    ftsIntegrity(sqlite);
  });

  it('a mark row removed by hand: searches read every task (still exact), the service still writes, the next drain puts it back', () => {
    const { sqlite, db } = freshDatabase();
    const ids = seedTasks(sqlite);
    applyTaskIndex(sqlite);
    sqlite.exec(`DELETE FROM ${TASK_FTS_MARK}`);
    addTask(sqlite, 'task_late', 'Nebula cache warmup');
    sqlite.prepare("UPDATE tasks SET prompt = 'Nebula rename' WHERE id = ?").run(ids[1]);
    const reader = new Database(indexed(sqlite), { readonly: true });
    opened.push(reader);
    expect(textRows(wrapDatabase(reader), 'NEBULA')).toEqual(['task_late', ids[1]]);
    expect(textRows(wrapDatabase(reader), 'Review 100%')).toEqual([]);
    expect(textRows(db, 'nebula')).toEqual(['task_late', ids[1]]);
    expect(mark(sqlite)).toBe(rowidOf(sqlite, 'task_late'));
    ftsIntegrity(sqlite);
  });

  it('a file indexed before the mark existed (every insert queued) is listed by migrate, and upgraded with nothing lost', () => {
    const { sqlite, db } = freshDatabase();
    const ids = seedTasks(sqlite);
    applyTaskIndex(sqlite);
    // the earlier release's objects: no mark, and triggers that queue every insert, change and delete
    const enqueue = (r: string): string => `INSERT INTO ${TASK_FTS_QUEUE} (task_rowid) SELECT ${r} WHERE NOT EXISTS (SELECT 1 FROM ${TASK_FTS_QUEUE} WHERE task_rowid = ${r});`;
    sqlite.exec(`DROP TRIGGER tasks_fts_ai; DROP TRIGGER tasks_fts_au; DROP TRIGGER tasks_fts_ad; DROP TABLE ${TASK_FTS_MARK};
      CREATE TRIGGER tasks_fts_ad AFTER DELETE ON tasks BEGIN ${enqueue('old.rowid')} END;
      CREATE TRIGGER tasks_fts_au AFTER UPDATE OF prompt, result, error_message ON tasks
      WHEN old.prompt IS NOT new.prompt OR old.result IS NOT new.result OR old.error_message IS NOT new.error_message BEGIN ${enqueue('new.rowid')} END;
      CREATE TRIGGER tasks_fts_ai AFTER INSERT ON tasks BEGIN ${enqueue('new.rowid')} END;`);
    addTask(sqlite, 'task_old', 'Pulsar queue before the upgrade');
    sqlite.prepare("UPDATE tasks SET result = 'Pulsar patched' WHERE id = ?").run(ids[2]);
    expect(queued(sqlite)).toEqual([3, rowidOf(sqlite, 'task_old')]);
    expect(taskFtsReady(readShape(sqlite))).toBe(false); // the filter scans until migrate
    expect(textRows(db, 'pulsar')).toEqual(['task_old', ids[2]]);
    const plan = planMigration(sqlite);
    expect(plan.steps.some((s) => s.extra?.name === TASK_FTS_TABLE)).toBe(true);
    const copied: number[] = [];
    applyMigration(sqlite, plan, (p) => (p.of ?? 0) > 0 && copied.push(p.done ?? 0)); // only the tasks have rows to copy
    expect(copied).toEqual([]); // upgraded in place: no pass over the tasks
    expect(taskFtsReady(readShape(sqlite))).toBe(true);
    expect(queued(sqlite)).toEqual([]);
    expect(mark(sqlite)).toBe(rowidOf(sqlite, 'task_old'));
    const triggers = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'tasks_fts_%'").pluck().all() as string[];
    expect(triggers).toHaveLength(3);
    for (const t of triggers) expect(t).toContain(TASK_FTS_MARK);
    addTask(sqlite, 'task_new', 'Pulsar after the upgrade');
    expect(queued(sqlite)).toEqual([]);
    expect(textRows(db, 'PULSAR')).toEqual(['task_new', 'task_old', ids[2]]);
    ftsIntegrity(sqlite);
  });

  for (const age of SERVICE_AGES) {
    it(`age ${age}: the service's DDL, then migrate, then its boot DDL, inserts and updates still work`, () => {
      const path = tempDbPath();
      const service = createServiceDatabase(path, age);
      opened.push(service);
      insertServiceRows(service, age, 'a');
      const conn = openDatabase({ path });
      opened.push(conn.sqlite);
      const plan = planMigration(conn.sqlite);
      expect(plan.steps.some((s) => s.extra?.name === TASK_FTS_TABLE)).toBe(true);
      applyMigration(conn.sqlite, plan);
      expect(taskFtsReady(readShape(conn.sqlite))).toBe(true);
      expect(planMigration(conn.sqlite).steps.filter((s) => s.extra?.name === TASK_FTS_TABLE)).toEqual([]);
      // the service, on its own plain connection (and one with trusted_schema off), boots and writes
      const other = new Database(path, { timeout: 5000 });
      other.pragma('trusted_schema = OFF');
      opened.push(other);
      runServiceBootDdl(service, age);
      insertServiceRows(service, age, 'b');
      insertServiceRows(other, age, 'c');
      const t1 = 'task_bbN4x8QzLp2vR7sT1uW3yA';
      service.prepare("UPDATE tasks SET status = 'running', input_tokens = 5, output_tokens = 7, estimated_cost = 0.2, updated_at = ? WHERE id = ?").run(iso(60), t1);
      other.prepare("UPDATE tasks SET status = 'completed', result = 'Rolled out to Ωmega', completed_at = ?, updated_at = ? WHERE id = ?").run(iso(61), iso(61), t1);
      service.prepare('DELETE FROM tasks WHERE id = ?').run('task_cdN6z0SbNr4xT9uV3wY5aC');
      ftsIntegrity(conn.sqlite);
      const db = wrapDatabase(conn.sqlite);
      expect(textRows(db, 'rolled out to ωMEGA')).toEqual([t1]);
      expect(textRows(db, 'deploy to SANDBOX')).toEqual(['task_bdN6z0SbNr4xT9uV3wY5aC', 'task_adN6z0SbNr4xT9uV3wY5aC']);
      expect(conn.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    });
  }
});

describe('tasks_fts backfill', () => {
  it('resumes after an interrupted run: rows copied once, rows changed or added meanwhile right', () => {
    const { sqlite, db } = freshDatabase();
    const many: SeedTask[] = Array.from({ length: 12_000 }, (_, i) => ({ prompt: `task number ${i} about ${i % 7 === 0 ? 'Ωmega' : 'alpha'}` }));
    const ids = seedTasks(sqlite, many);
    const seen: number[] = [];
    expect(() =>
      applyTaskIndex(sqlite, (done) => {
        seen.push(done);
        if (done > 0) throw new Error('interrupted');
      }),
    ).toThrow('interrupted');
    expect(seen).toEqual([0, 5000]);
    expect(taskFtsReady(readShape(sqlite))).toBe(false); // not complete: the filter scans
    expect(sqlite.prepare(`SELECT count(*) FROM ${TASK_FTS_TABLE}_docsize`).pluck().get()).toBe(5000);
    // meanwhile the service changes a copied row and a row not yet copied, deletes one, adds one
    sqlite.prepare("UPDATE tasks SET prompt = 'changed copied Zebra' WHERE id = ?").run(ids[10]);
    sqlite.prepare("UPDATE tasks SET prompt = 'changed later Zebra' WHERE id = ?").run(ids[9000]);
    sqlite.prepare('DELETE FROM tasks WHERE id = ?').run(ids[20]);
    sqlite
      .prepare(
        `INSERT INTO tasks (id, project_id, bot_name, command, prompt, status, slack_channel_id, slack_user_id, created_at, updated_at)
      VALUES ('task_added', 'proj_1', 'coder', 'fix', 'added Zebra meanwhile', 'pending', 'C01', 'U1', ?, ?)`,
      )
      .run(iso(20_000), iso(20_000));
    const scanned = textRows(db, 'zebra');
    const progress: [number, number][] = [];
    applyTaskIndex(sqlite, (done, total) => progress.push([done, total]));
    expect(taskFtsReady(readShape(sqlite))).toBe(true);
    expect(progress.at(-1)).toEqual([12_000, 12_000]);
    expect(sqlite.prepare(`SELECT count(*) FROM ${TASK_FTS_TABLE}_docsize`).pluck().get()).toBe(12_000);
    ftsIntegrity(sqlite);
    expect(scanned).toEqual(['task_added', ids[9000], ids[10]]);
    expect(textRows(db, 'zebra')).toEqual(scanned);
    expect(textCount(db, 'ωMEGA')).toBe(many.filter((t, i) => i !== 20 && i !== 10 && i !== 9000 && t.prompt.includes('Ωmega')).length);
  });
});

describe('doctor and migrate name the tasks index', () => {
  it('doctor lists the Tasks text filter as a LIKE scan while tasks_fts is missing', () => {
    const slow = slowOperations(new Set([TASK_FTS_TABLE]), () => ({ rows: 1_000_000, exact: false }));
    expect(slow.map((s) => [s.operation, s.missing])).toEqual([['task text search (Tasks filter)', TASK_FTS_TABLE]]);
    expect(slow[0]!.cost).toMatch(/^LIKE scan of /);
  });
});
