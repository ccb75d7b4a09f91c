import { describe, expect, it } from 'vitest';
import { PromptHistoryRepository } from '../../db/repositories/prompt-history.js';
import { freshDatabase } from '../helpers/temp-db.js';
import { runBin } from './history-fixtures.js';

// `history --stats`, estimated against actual: prompts without a category are "(none)", the
// total of every category is "all", and --json tells the two apart (both have category null).

function seeded(): string {
  const conn = freshDatabase();
  const repo = new PromptHistoryRepository(conn.db);
  const finished = (category: string | undefined, est: number, act: number): void => {
    const p = repo.log(`${category ?? 'none'} ${est}`, { category, estimatedDurationMinutes: est });
    repo.complete(p.id, 'done', undefined, act);
  };
  finished(undefined, 10, 20);
  finished(undefined, 30, 40);
  finished('bugfix', 60, 30);
  return conn.path;
}

describe('history --stats: estimated against actual duration', () => {
  it('labels uncategorised prompts "(none)" and the total "all", once each', () => {
    const text = runBin(['history', '--db', seeded(), '--stats']);
    expect(text.code).toBe(0);
    const section = text.stdout.split('Estimated against actual duration')[1]!.split('By category')[0]!;
    const rows = section
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /\bmin\b/.test(l));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^\(none\)\s+2\s+20\.0 min\s+30\.0 min\s+\+50%$/);
    expect(rows[1]).toMatch(/^bugfix\s+1\s+60\.0 min\s+30\.0 min\s+-50%$/);
    expect(rows[2]).toMatch(/^all\s+3\s+33\.3 min\s+30\.0 min\s+-10%$/);
  });

  it('--json marks the uncategorised row and the total row', () => {
    const r = runBin(['history', '--db', seeded(), '--stats', '--json']);
    const { durations } = JSON.parse(r.stdout) as { durations: Record<string, unknown>[] };
    expect(durations).toEqual([
      { category: null, uncategorised: true, total: false, count: 2, estimatedAverage: 20, actualAverage: 30 },
      { category: 'bugfix', uncategorised: false, total: false, count: 1, estimatedAverage: 60, actualAverage: 30 },
      { category: null, uncategorised: false, total: true, count: 3, estimatedAverage: 100 / 3, actualAverage: 30 },
    ]);
  });
});
