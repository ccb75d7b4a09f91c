import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { applySearchExtras, insertServicePrompt } from '../db/prompt-history-seed.js';
import { runBin } from './history-fixtures.js';

// Issues 12.5 (tag part) and 13.7 through the built binary: `--tag AUTH` finds `auth` as the
// service's LIKE does, and `--search ωmega` finds `Ωmega`, migrated (indexes) or not (scans).

describe('history: case-insensitive tag and search, for all of Unicode', () => {
  for (const migrated of [false, true]) {
    it(`--tag AUTH finds auth and --search ωmega finds Ωmega (${migrated ? 'indexed' : 'scanning'})`, () => {
      const { sqlite, path } = freshDatabase();
      insertServicePrompt(sqlite, { prompt: 'Ωmega release', tags: '["auth"]' });
      insertServicePrompt(sqlite, { prompt: 'login screen', tags: '["AUTH","ui"]' });
      insertServicePrompt(sqlite, { prompt: 'unrelated', tags: '["authz"]' });
      if (migrated) applySearchExtras(sqlite);
      const tag = JSON.parse(runBin(['history', '--db', path, '--tag', 'AUTH', '--json']).stdout) as { prompt: string }[];
      expect(tag.map((r) => r.prompt)).toEqual(['login screen', 'Ωmega release']);
      const search = JSON.parse(runBin(['history', '--db', path, '--search', 'ωmega', '--json']).stdout) as { prompt: string }[];
      expect(search.map((r) => r.prompt)).toEqual(['Ωmega release']);
      const stats = JSON.parse(runBin(['history', '--db', path, '--stats', '--tag', 'Auth', '--json']).stdout) as { total: number };
      expect(stats.total).toBe(2);
    });
  }

  it('--help says the tag matches in any case', () => {
    expect(runBin(['history', '--help']).stdout).toMatch(/--tag TAG\s+has this tag \(any case/);
  });
});
