import { getTableColumns } from 'drizzle-orm';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { promptHistory } from '../../db/schema/prompt-history.js';
import { PROMPT_HISTORY_COLUMNS } from '../../db/repositories/prompt-history-columns.js';
import { PromptHistoryReader } from '../../db/repositories/prompt-history-reader.js';
import { PromptHistoryRepository } from '../../db/repositories/prompt-history.js';
import { applySearchExtras, seedPrompts } from '../db/prompt-history-seed.js';
import { freshDatabase, tempDir } from '../helpers/temp-db.js';

describe('PromptHistoryReader: the drizzle-free reads history runs on', () => {
  it('names every column of the drizzle schema, with its default, in the same order', () => {
    const schema = Object.entries(getTableColumns(promptHistory)).map(([prop, c]) => ({
      prop,
      column: c.name,
      fallback: typeof c.default === 'string' ? c.default : null,
    }));
    expect(PROMPT_HISTORY_COLUMNS).toEqual(schema);
  });

  it('reads what the repository reads, on a plain handle, with and without the search extras', () => {
    const conn = freshDatabase();
    seedPrompts(conn.sqlite);
    const repo = new PromptHistoryRepository(conn.db);
    const reader = new PromptHistoryReader(conn.sqlite);
    const now = new Date('2026-01-15T12:00:00Z');
    const same = (): void => {
      for (const filters of [{}, { search: 'auth' }, { status: 'completed' }, { tag: 'auth' }, { category: 'bugfix' }]) {
        expect(reader.findAll({ ...filters, limit: 5 })).toEqual(repo.findAll({ ...filters, limit: 5 }));
        expect(reader.count(filters)).toBe(repo.count(filters));
        expect(reader.getStats(filters, { now })).toEqual(repo.getStats(filters, { now }));
        expect(reader.tagCounts(filters)).toEqual(repo.tagCounts(filters));
        expect(reader.categoryCounts(filters)).toEqual(repo.categoryCounts(filters));
      }
      const first = repo.findAll({ limit: 1 })[0]!;
      expect(reader.findById(first.id)).toEqual(first);
      expect(reader.findById(-1)).toBeUndefined();
    };
    same();
    applySearchExtras(conn.sqlite); // the reader notices the new shape (schema_version) and uses the indexes
    same();
  });

  it('fills the columns an old file lacks with their schema defaults, and reads no table as empty', () => {
    const path = join(tempDir(), 'old.db');
    const sqlite = new Database(path);
    sqlite.exec('CREATE TABLE prompt_history (id INTEGER PRIMARY KEY AUTOINCREMENT, prompt TEXT NOT NULL, timestamp TEXT NOT NULL)');
    sqlite.prepare('INSERT INTO prompt_history (prompt, timestamp) VALUES (?, ?)').run('old row', '2024-01-01T00:00:00Z');
    const reader = new PromptHistoryReader(sqlite);
    expect(reader.findAll()).toEqual([
      {
        id: 1,
        prompt: 'old row',
        category: null,
        tags: '[]',
        context: null,
        relatedFiles: '[]',
        executionStatus: 'pending',
        executionNotes: null,
        estimatedDurationMinutes: null,
        actualDurationMinutes: null,
        timestamp: '2024-01-01T00:00:00.000Z',
        completedAt: null, // read as its instant, canonical
      },
    ]);
    sqlite.exec('DROP TABLE prompt_history');
    expect(reader.exists()).toBe(false);
    expect(reader.findAll()).toEqual([]);
    expect(reader.getStats({}, { now: new Date('2026-01-15T12:00:00Z') }).total).toBe(0);
    sqlite.close();
  });
});
