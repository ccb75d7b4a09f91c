import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { PromptHistoryRepository } from '../../db/repositories/prompt-history.js';
import { ftsMatchFor, MAX_TRIGRAMS, selectiveTrigrams } from '../../db/search/trigrams.js';
import { applySearchExtras, seedPrompts, type ServicePrompt } from './prompt-history-seed.js';

// A long query asks the index for only a few of its trigrams, AND-ed: rows that hold them apart,
// in the other column, or out of order come back as candidates and must be dropped by the
// re-check, so the indexed path still returns exactly what a scan returns.

const PHRASE = 'dark mode for inventory sync';

const PROMPTS: ServicePrompt[] = [
  { prompt: 'Dark mode for inventory sync' },
  { prompt: 'dark mode for ix; inventory sync' }, // every trigram of PHRASE, never contiguous
  { prompt: 'inventory sync, then dark mode for billing' },
  { prompt: 'Add dark mode for', context: 'inventory sync' }, // split across the columns
  { prompt: 'Unrelated', context: 'please DARK Mode FOR inventory SYNC soon' },
  { prompt: 'dark  mode for inventory sync' }, // two spaces
  { prompt: 'xabcabcabcx', context: 'abcabc' },
  { prompt: 'abcabc abcab' },
  { prompt: 'rate limits for rate limiter', context: 'rate limiter for rate limits' },
  { prompt: 'Raise to 50_% "done" for O\'Brien', context: 'and 50a% "done" for O\'Brien' },
  { prompt: 'Path C:\\temp\\dir "x" here', context: 'C:/temp/dir "x"' },
  { prompt: 'École été ÉCOLE ÉTÉ', context: 'école été' },
  { prompt: 'crashes on emoji 🎉🎉 in the name' },
  { prompt: 'a AND b OR NEAR(c d) col:umn* ^start -minus +plus (paren)' },
  { prompt: 'DARK MODE FOR INVENTORY SYNC!' },
];

const SEARCHES = [
  PHRASE,
  'DARK Mode FOR inventory SYNC',
  'dark mode for inventory sync!',
  'inventory sync dark mode',
  'mode for inventory',
  'abcabcabc',
  'abcabc',
  'cabca',
  'rate limits for rate limiter',
  'rate limiter for rate',
  '50_% "done" for O\'Brien',
  '50% "done"',
  '"done" for',
  'C:\\temp\\dir "x"',
  'temp\\dir',
  'école été',
  'ÉCOLE ÉTÉ',
  '🎉🎉 in the',
  'emoji 🎉',
  'a AND b OR NEAR(c d)',
  'col:umn* ^start',
  '-minus +plus (paren)',
  'NEAR(c',
  'nothing like this at all',
];

const asciiLower = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const matches = (p: ServicePrompt, q: string): boolean => [p.prompt, p.context ?? ''].some((t) => asciiLower(t).includes(asciiLower(q)));
const trigramsIn = (s: string): string[] => Array.from({ length: Math.max(0, [...s].length - 2) }, (_, i) => [...s].slice(i, i + 3).join(''));

function pair() {
  const migrated = freshDatabase();
  const plain = freshDatabase();
  const ids = seedPrompts(migrated.sqlite, PROMPTS);
  seedPrompts(plain.sqlite, PROMPTS);
  applySearchExtras(migrated.sqlite);
  return { ids, sqlite: migrated.sqlite, indexed: new PromptHistoryRepository(migrated.db), scanning: new PromptHistoryRepository(plain.db) };
}

describe('search: a few selective trigrams, re-checked', () => {
  it('the decoys hold every trigram of the phrase without holding the phrase', () => {
    const decoy = asciiLower(PROMPTS[1]!.prompt);
    expect(trigramsIn(PHRASE).every((t) => decoy.includes(t))).toBe(true);
    expect(decoy.includes(PHRASE)).toBe(false);
  });

  it('returns exactly the rows of a literal case-insensitive substring match on both paths', () => {
    const { ids, indexed, scanning } = pair();
    for (const q of SEARCHES) {
      const expected = PROMPTS.flatMap((p, i) => (matches(p, q) ? [ids[i]!] : [])).reverse();
      expect(indexed.source({ search: q }).from, q).toContain('prompt_history_fts');
      expect(
        indexed.findAll({ search: q, limit: 100 }).map((r) => r.id),
        `indexed ${JSON.stringify(q)}`,
      ).toEqual(expected);
      expect(
        scanning.findAll({ search: q, limit: 100 }).map((r) => r.id),
        `scanning ${JSON.stringify(q)}`,
      ).toEqual(expected);
      expect(indexed.count({ search: q }), `count ${JSON.stringify(q)}`).toBe(expected.length);
    }
    // The phrase itself: exact, mixed case and context-only rows; not the decoys.
    expect(indexed.findAll({ search: PHRASE }).map((r) => r.id)).toEqual([ids[14], ids[4], ids[0]]);
  });

  it('gets the decoys from the index as candidates, so the re-check is what drops them', () => {
    const { ids, sqlite } = pair();
    const candidates = sqlite.prepare('SELECT rowid FROM prompt_history_fts WHERE prompt_history_fts MATCH ?').pluck().all(ftsMatchFor(PHRASE));
    expect(candidates).toEqual(expect.arrayContaining([ids[1], ids[3]]));
  });

  it('pages newest first by keyset, down and up, without gaps or repeats', () => {
    const many: ServicePrompt[] = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? { prompt: `Dark mode for inventory sync #${i}` } : { prompt: `dark mode and inventory sync #${i}` }));
    const conn = freshDatabase();
    const ids = seedPrompts(conn.sqlite, many);
    applySearchExtras(conn.sqlite);
    const repo = new PromptHistoryRepository(conn.db);
    const expected = ids.filter((_, i) => i % 3 === 0).reverse();
    expect(repo.findAll({ search: PHRASE, limit: 100 }).map((r) => r.id)).toEqual(expected);
    const down: number[] = [];
    let beforeId: number | undefined;
    for (;;) {
      const page = repo.findAll({ search: PHRASE, limit: 4, beforeId }).map((r) => r.id);
      down.push(...page);
      if (page.length < 4) break;
      beforeId = page.at(-1);
    }
    expect(down).toEqual(expected);
    expect(repo.findAll({ search: PHRASE, limit: 3, afterId: expected[5] }).map((r) => r.id)).toEqual(expected.slice(2, 5));
    expect(repo.countRange({ search: PHRASE }, expected[6]!, expected[1]!)).toBe(6);
  });

  it('asks for at most a few distinct trigrams of the query, rarest first and apart where it can', () => {
    expect(selectiveTrigrams('ab')).toEqual([]);
    const picked = selectiveTrigrams(PHRASE);
    expect(picked).toHaveLength(MAX_TRIGRAMS);
    expect(picked.every((t) => PHRASE.includes(t))).toBe(true);
    expect(picked).not.toContain('or '); // common letters and a space
    expect(selectiveTrigrams('abcabcabc')).toEqual(expect.arrayContaining(['abc', 'bca', 'cab']));
    expect(new Set(selectiveTrigrams('aaaaaaaa'))).toEqual(new Set(['aaa']));
    expect(selectiveTrigrams('🎉🎉 in the').every((t) => [...t].length === 3)).toBe(true);
  });

  it('keeps the phrase for short queries and quotes every trigram of long ones', () => {
    expect(ftsMatchFor('sync')).toBe('"sync"');
    expect(ftsMatchFor('a"b"c')).toBe('"a""b""c"');
    expect(ftsMatchFor(PHRASE)).toMatch(/^"[^"]{3}"( AND "[^"]{3}"){2}$/);
    expect(ftsMatchFor('""""""""')).toBe('""""""""'); // eight quotes: one trigram of three, each doubled, quoted
  });
});
