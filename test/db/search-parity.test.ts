import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { PromptHistoryRepository } from '../../db/repositories/prompt-history.js';
import { foldCase } from '../../db/search/fold.js';
import { TRICKY_PROMPTS, applySearchExtras, seedPrompts, type ServicePrompt } from './prompt-history-seed.js';

// The same queries on a migrated file (FTS5 + tag table) and an unmigrated one (scanning) must
// give the same rows, and both the rows a plain reading of "substring, in any case" gives
// (folded for all of Unicode: test/db/search-fold.test.ts).

const textMatches = (p: ServicePrompt, q: string): boolean => [p.prompt, p.context ?? ''].some((t) => foldCase(t).includes(foldCase(q)));
const tagsOf = (p: ServicePrompt): string[] => {
  try {
    const v: unknown = JSON.parse(p.tags ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

function pair() {
  const migrated = freshDatabase();
  const plain = freshDatabase();
  const ids = seedPrompts(migrated.sqlite);
  seedPrompts(plain.sqlite);
  applySearchExtras(migrated.sqlite);
  return { ids, indexed: new PromptHistoryRepository(migrated.db), scanning: new PromptHistoryRepository(plain.db) };
}

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
  'Ü',
  'abc',
  'bca',
  'ab',
  'a',
  'nothing like this',
  ' % ',
  '\u001b[31m',
];

describe('search: full-text index and scan agree', () => {
  it('returns the same rows, newest first, as a literal case-insensitive substring match', () => {
    const { ids, indexed, scanning } = pair();
    for (const q of SEARCHES) {
      const expected = TRICKY_PROMPTS.flatMap((p, i) => (textMatches(p, q) ? [ids[i]!] : [])).reverse();
      expect(
        indexed.findAll({ search: q, limit: 100 }).map((r) => r.id),
        `indexed ${JSON.stringify(q)}`,
      ).toEqual(expected);
      expect(
        scanning.findAll({ search: q, limit: 100 }).map((r) => r.id),
        `scanning ${JSON.stringify(q)}`,
      ).toEqual(expected);
    }
    expect(indexed.findAll({ search: '%', limit: 100 }).length).toBe(3); // a wildcard would match all 12
  });

  it('uses the index from three characters on and scans below, or when it is absent', () => {
    const { indexed, scanning } = pair();
    expect(indexed.source({ search: 'abc' }).from).toContain('prompt_history_fts');
    expect(indexed.source({ search: 'ab' }).from).not.toContain('prompt_history_fts');
    expect(scanning.source({ search: 'abc' }).from).not.toContain('prompt_history_fts');
    expect(indexed.source({ tag: 'api' }).from).toContain('prompt_history_tags');
    expect(scanning.source({ tag: 'api' }).from).not.toContain('prompt_history_tags');
  });

  it("finds tags in any case (as the service's LIKE does), quotes included, ignoring malformed and non-array tags", () => {
    const { ids, indexed, scanning } = pair();
    for (const tag of ['api', 'say "hi"', 'SAY "HI"', 'security', 'tag', 'object not array', 'mixed', '1', 'API', 'Api', 'not json at all', 'ap', 'api%']) {
      const expected = TRICKY_PROMPTS.flatMap((p, i) => (tagsOf(p).some((t) => foldCase(t) === foldCase(tag)) ? [ids[i]!] : [])).reverse();
      expect(
        indexed.findAll({ tag, limit: 100 }).map((r) => r.id),
        `indexed ${tag}`,
      ).toEqual(expected);
      expect(
        scanning.findAll({ tag, limit: 100 }).map((r) => r.id),
        `scanning ${tag}`,
      ).toEqual(expected);
    }
    expect(indexed.findAll({ tag: 'API', limit: 100 }).length).toBe(4);
  });

  it('combines search, tag, category and status the same way on both paths', () => {
    const { indexed, scanning } = pair();
    const combos = [
      { search: 'auth', tag: 'api' },
      { search: 'auth', status: 'completed' },
      { search: 'fix', category: 'bugfix', tag: 'api' },
      { tag: 'api', status: 'pending' },
      { tag: 'api', category: 'documentation', search: 'UPDATE' },
      { category: 'feature', status: 'completed' },
    ];
    for (const f of combos) {
      const a = indexed.findAll({ ...f, limit: 100 }).map((r) => r.id);
      expect(a, JSON.stringify(f)).toEqual(scanning.findAll({ ...f, limit: 100 }).map((r) => r.id));
      expect(indexed.count(f)).toBe(a.length);
      expect(scanning.count(f)).toBe(a.length);
    }
    expect(indexed.findAll({ search: 'auth', tag: 'api' }).map((r) => r.prompt)).toEqual(['Update docs']);
  });

  it('counts tags, categories and statistics identically on both paths', () => {
    const { indexed, scanning } = pair();
    const now = new Date('2026-01-20T00:00:00.000Z');
    expect(indexed.tagCounts()).toEqual(scanning.tagCounts());
    expect(indexed.tagCounts().find((t) => t.name === 'api')?.count).toBe(4); // ["api","api"] counts once
    expect(indexed.tagCounts({ status: 'pending' })).toEqual(scanning.tagCounts({ status: 'pending' }));
    expect(indexed.tagCounts({ search: 'fix' })).toEqual(scanning.tagCounts({ search: 'fix' }));
    expect(indexed.categoryCounts({ tag: 'api' })).toEqual(scanning.categoryCounts({ tag: 'api' }));
    expect(indexed.getStats({}, { now })).toEqual(scanning.getStats({}, { now }));
    expect(indexed.getStats({ search: 'auth', tag: 'api' }, { now })).toEqual(scanning.getStats({ search: 'auth', tag: 'api' }, { now }));
    // Status and category filters are answered by the rollup on the migrated file.
    for (const f of [{ status: 'completed' }, { category: 'bugfix' }, { status: 'pending', category: 'research' }, { category: 'none-such' }]) {
      expect(indexed.getStats(f, { now }), JSON.stringify(f)).toEqual(scanning.getStats(f, { now }));
      expect(indexed.categoryCounts(f)).toEqual(scanning.categoryCounts(f));
    }
    expect(indexed.categoryCounts()).toEqual(scanning.categoryCounts());
  });

  it('pages by keyset on both paths without gaps or repeats', () => {
    const { ids, indexed, scanning } = pair();
    for (const repo of [indexed, scanning]) {
      for (const f of [{}, { search: 'e' }, { search: 'api' }, { tag: 'api' }]) {
        const all = repo.findAll({ ...f, limit: 100 }).map((r) => r.id);
        const paged: number[] = [];
        let beforeId: number | undefined;
        for (;;) {
          const page = repo.findAll({ ...f, limit: 2, beforeId }).map((r) => r.id);
          paged.push(...page);
          if (page.length < 2) break;
          beforeId = page[page.length - 1];
        }
        expect(paged).toEqual(all);
      }
    }
    expect(indexed.findAll({ limit: 100 }).map((r) => r.id)).toEqual([...ids].reverse());
  });
});
