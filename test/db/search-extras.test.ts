import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { PromptHistoryRepository } from '../../db/repositories/prompt-history.js';
import { promptSearchExtras } from '../../db/search/extras.js';
import { readShape } from '../../db/shape.js';
import { applySearchExtras, insertServicePrompt, seedPrompts } from './prompt-history-seed.js';

const services: Database.Database[] = [];
afterEach(() => {
  while (services.length) services.pop()!.close();
});

/** The running service: its own plain connection to the same file. */
function service(path: string, trusted = true): Database.Database {
  const s = new Database(path, { timeout: 5000 });
  if (!trusted) s.pragma('trusted_schema = OFF');
  services.push(s);
  return s;
}

/** FTS5's own check that the index matches the content table exactly (throws if not). */
const ftsIntegrity = (sqlite: Database.Database): void => {
  sqlite.prepare("INSERT INTO prompt_history_fts(prompt_history_fts, rank) VALUES ('integrity-check', 1)").run();
};

/** The statistics rollup against the same figures computed from every prompt. */
function rollupAgrees(sqlite: Database.Database): void {
  const both = 'estimated_duration_minutes IS NOT NULL AND actual_duration_minutes IS NOT NULL';
  const truth = sqlite
    .prepare(
      `SELECT execution_status AS s, CASE WHEN category IS NULL THEN '-' ELSE '+' || category END AS c,
      substr(timestamp, 1, 10) AS d, count(*) AS n, sum(ifnull(actual_duration_minutes, 0)) AS a, count(actual_duration_minutes) AS an,
      sum(CASE WHEN ${both} THEN estimated_duration_minutes ELSE 0 END) AS pe, sum(${both}) AS pn
    FROM prompt_history GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    )
    .all();
  const rollup = sqlite
    .prepare(
      `SELECT status AS s, category AS c, day AS d, count AS n, actual_sum AS a, actual_count AS an,
      paired_estimated AS pe, paired_count AS pn FROM prompt_history_rollup WHERE count <> 0 ORDER BY 1, 2, 3`,
    )
    .all();
  expect(rollup).toEqual(truth);
  const tagCounts = sqlite.prepare('SELECT tag, count FROM prompt_history_tags_counts WHERE count <> 0 ORDER BY tag').all();
  expect(tagCounts).toEqual(sqlite.prepare('SELECT tag, count(*) AS count FROM prompt_history_tags GROUP BY tag ORDER BY tag').all());
}

/** The tag table's rows against what json_each reads from the prompts themselves. */
function tagRowsAgree(sqlite: Database.Database): void {
  const side = sqlite.prepare('SELECT prompt_id || char(0) || tag FROM prompt_history_tags ORDER BY 1').pluck().all();
  const truth = sqlite
    .prepare(
      `SELECT DISTINCT p.id || char(0) || j.value FROM prompt_history p, json_each(p.tags) j
      WHERE json_valid(p.tags) AND json_type(p.tags) = 'array' AND j.type = 'text' ORDER BY 1`,
    )
    .pluck()
    .all();
  expect(side).toEqual(truth);
}

describe('search extras: creation', () => {
  it('are listed for migrate, create their objects and report them present', () => {
    const { sqlite } = freshDatabase();
    expect(promptSearchExtras.map((e) => e.name)).toEqual(['prompt_history_fts', 'prompt_history_tags', 'prompt_history_rollup']);
    expect(promptSearchExtras.every((e) => !e.isPresent(readShape(sqlite)) && e.requires.includes('prompt_history'))).toBe(true);
    seedPrompts(sqlite);
    const seen: [number, number][] = [];
    applySearchExtras(sqlite, (done, total) => seen.push([done, total]));
    expect(promptSearchExtras.every((e) => e.isPresent(readShape(sqlite)))).toBe(true);
    expect(seen.at(-1)).toEqual([12, 12]);
    ftsIntegrity(sqlite);
    tagRowsAgree(sqlite);
    rollupAgrees(sqlite);
  });

  it('can be applied again without indexing anything twice', () => {
    const { sqlite } = freshDatabase();
    seedPrompts(sqlite);
    applySearchExtras(sqlite);
    applySearchExtras(sqlite);
    ftsIntegrity(sqlite);
    tagRowsAgree(sqlite);
    rollupAgrees(sqlite);
    expect(sqlite.prepare('SELECT count(*) FROM prompt_history_fts_docsize').pluck().get()).toBe(12);
  });

  it('counts the tags already in a side table that predates the counts table', () => {
    const { sqlite } = freshDatabase();
    seedPrompts(sqlite);
    applySearchExtras(sqlite);
    // an earlier build made the side table and its triggers, but no counts
    sqlite.exec('DROP TRIGGER prompt_history_tags_counts_ai; DROP TRIGGER prompt_history_tags_counts_ad; DROP TABLE prompt_history_tags_counts');
    const tags = promptSearchExtras.find((e) => e.name === 'prompt_history_tags')!;
    expect(tags.isPresent(readShape(sqlite))).toBe(false);
    tags.apply(sqlite, () => {});
    expect(tags.isPresent(readShape(sqlite))).toBe(true);
    const counted = sqlite.prepare('SELECT count(*) FROM prompt_history_tags_counts WHERE count > 0').pluck().get() as number;
    expect(counted).toBeGreaterThan(0);
    rollupAgrees(sqlite);
  });

  it('backfills in batches while the service inserts, edits and deletes between them', () => {
    const conn = freshDatabase();
    const rows = conn.sqlite.transaction(() => Array.from({ length: 12_000 }, (_, i) => insertServicePrompt(conn.sqlite, { prompt: `bulk prompt ${i}`, tags: `["t${i % 7}"]` })))();
    const svc = service(conn.path);
    let step = 0;
    applySearchExtras(conn.sqlite, (done, total) => {
      if (done === 0 || done >= total) return;
      step++;
      // Between two batches: rows already copied and rows not yet copied both change.
      insertServicePrompt(svc, { prompt: `inserted during backfill ${step}`, tags: '["during"]' });
      const edit = svc.prepare("UPDATE prompt_history SET prompt = ?, tags = ?, execution_status = 'completed', actual_duration_minutes = ?, category = 'bugfix' WHERE id = ?");
      edit.run(`edited early ${step}`, '["edited"]', step, rows[step]!);
      edit.run(`edited late ${step}`, '["edited"]', step, rows[11_000 + step]!);
      svc.prepare('DELETE FROM prompt_history WHERE id IN (?, ?)').run(rows[100 + step]!, rows[11_500 + step]!);
    });
    expect(step).toBeGreaterThan(1);
    ftsIntegrity(conn.sqlite);
    tagRowsAgree(conn.sqlite);
    rollupAgrees(conn.sqlite);
    const repo = new PromptHistoryRepository(conn.db);
    expect(repo.count({ search: 'edited late' })).toBe(step);
    expect(repo.count({ search: 'inserted during backfill' })).toBe(step);
    expect(repo.count({ tag: 'edited' })).toBe(2 * step);
    expect(repo.count({ search: 'bulk prompt' })).toBe(12_000 - 4 * step);
  });
});

describe("search extras: kept fresh by triggers inside the service's own writes", () => {
  it('follows INSERT, UPDATE and DELETE made by a plain second connection', () => {
    const conn = freshDatabase();
    seedPrompts(conn.sqlite);
    applySearchExtras(conn.sqlite);
    const svc = service(conn.path, false);
    const repo = new PromptHistoryRepository(conn.db);
    const id = insertServicePrompt(svc, { prompt: 'Service wrote about Kubernetes', tags: '["ops","k8s"]' });
    expect(repo.findAll({ search: 'kubernetes' }).map((r) => r.id)).toEqual([id]);
    expect(repo.findAll({ tag: 'k8s' }).map((r) => r.id)).toEqual([id]);

    svc.prepare("UPDATE prompt_history SET prompt = 'Now about Terraform', tags = '[\"iac\"]' WHERE id = ?").run(id);
    expect(repo.findAll({ search: 'kubernetes' })).toEqual([]);
    expect(repo.findAll({ search: 'terraform' }).map((r) => r.id)).toEqual([id]);
    expect(repo.findAll({ tag: 'k8s' })).toEqual([]);
    expect(repo.findAll({ tag: 'iac' }).map((r) => r.id)).toEqual([id]);

    // The service's own completion touches neither text nor tags.
    svc.prepare("UPDATE prompt_history SET execution_status = 'completed', actual_duration_minutes = 3 WHERE id = ?").run(id);
    expect(repo.findAll({ search: 'terraform', status: 'completed' }).map((r) => r.id)).toEqual([id]);

    svc.prepare('DELETE FROM prompt_history WHERE id = ?').run(id);
    expect(repo.findAll({ search: 'terraform' })).toEqual([]);
    expect(repo.findAll({ tag: 'iac' })).toEqual([]);
    ftsIntegrity(conn.sqlite);
    tagRowsAgree(conn.sqlite);
    rollupAgrees(conn.sqlite);
  });

  it("never make the service's insert or update fail, whatever the row holds", () => {
    const conn = freshDatabase();
    applySearchExtras(conn.sqlite);
    const svc = service(conn.path);
    for (const tags of ['[oops', '{"a":"b"}', '"just a string"', '', '[1,2,null]', '["dup","dup"]', 'null']) {
      const id = insertServicePrompt(svc, { prompt: `tags ${tags}`, tags });
      svc.prepare('UPDATE prompt_history SET tags = ? WHERE id = ?').run(tags + ' ', id);
      svc.prepare('UPDATE prompt_history SET tags = ? WHERE id = ?').run(tags, id);
    }
    svc.prepare("INSERT INTO prompt_history (prompt, category, timestamp, actual_duration_minutes) VALUES ('odd', '', '', 'ten')").run();
    svc.prepare("INSERT OR ROLLBACK INTO prompt_history (prompt, tags, timestamp) VALUES ('strict', '[\"dup\"]', '2026-01-01')").run();
    expect(
      new PromptHistoryRepository(conn.db)
        .findAll({ tag: 'dup' })
        .map((r) => r.prompt)
        .sort(),
    ).toEqual(['strict', 'tags ["dup","dup"]']);
    ftsIntegrity(conn.sqlite);
    tagRowsAgree(conn.sqlite);
    rollupAgrees(conn.sqlite);
    // REPLACE deletes without delete triggers (SQLite, recursive_triggers off): the service never
    // replaces a prompt, and such a write must still not fail.
    svc.prepare('INSERT OR REPLACE INTO prompt_history (id, prompt, tags, timestamp) VALUES (1, ?, ?, ?)').run('replaced', '["dup","dup"]', new Date().toISOString());
    expect(new PromptHistoryRepository(conn.db).findById(1)?.prompt).toBe('replaced');
  });

  it("survive the service's boot DDL (CREATE TABLE IF NOT EXISTS, ADD COLUMN)", () => {
    const conn = freshDatabase();
    applySearchExtras(conn.sqlite);
    const svc = service(conn.path);
    svc.exec("CREATE TABLE IF NOT EXISTS prompt_history (id INTEGER PRIMARY KEY AUTOINCREMENT, prompt TEXT NOT NULL, tags TEXT NOT NULL DEFAULT '[]', timestamp TEXT NOT NULL)");
    svc.exec('ALTER TABLE prompt_history ADD COLUMN added_later TEXT');
    const id = insertServicePrompt(svc, { prompt: 'after the upgrade', tags: '["late"]' });
    const repo = new PromptHistoryRepository(conn.db);
    expect(repo.findAll({ search: 'upgrade', tag: 'late' }).map((r) => r.id)).toEqual([id]);
  });
});
