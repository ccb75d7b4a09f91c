import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { PromptHistoryRepository } from '../../db/repositories/prompt-history.js';
import { PromptHistoryReader } from '../../db/repositories/prompt-history-reader.js';
import { FTS_FOLDS_DIFFERENTLY, foldCase } from '../../db/search/fold.js';
import { applySearchExtras, seedPrompts, type ServicePrompt } from './prompt-history-seed.js';

// Issue 13.7: search and tag filters fold case for all of Unicode, on the full-text index, the
// scan, the tag index and the tag scan alike (SQLite's lower() and LIKE fold ASCII only).

const PROMPTS: ServicePrompt[] = [
  { prompt: 'Ωmega release notes', tags: '["Ωmega","RELEASE"]' },
  { prompt: 'ΟΔΟΣ street names', context: 'Greek capitals with a final sigma' },
  { prompt: 'Привет МИР greeting', tags: '["ПРИВЕТ"]' },
  { prompt: 'Ნ Georgian Mtavruli capital', tags: '["Ნ"]' },
  { prompt: 'ᏣᎳᎩ Cherokee syllabary' },
  { prompt: 'Résumé ÉCOLE parser', tags: '["École"]' },
  { prompt: 'plain ascii AUTH', tags: '["AUTH"]' },
  { prompt: 'lower auth here', tags: '["auth"]' },
  { prompt: 'kelvin \u212a sign' },
  { prompt: 'İstanbul dotted capital' },
];

const SEARCHES = ['ωmega', 'ΩMEGA', 'οδοσ', 'ΟΔΟΣ', 'οδος', 'мир', 'ПРИВЕТ мир', 'ნ georgian', 'ნ', 'ꮳꮃꭹ', 'ᏣᎳᎩ', 'école', 'RÉSUMÉ', 'auth', 'AUTH', 'kelvin k', 'İstanbul', 'mega rel', 'é'];
const TAGS = ['ωmega', 'ΩMEGA', 'release', 'привет', 'ნ', 'école', 'ÉCOLE', 'auth', 'AUTH', 'Auth'];

function pair() {
  const migrated = freshDatabase();
  const plain = freshDatabase();
  const ids = seedPrompts(migrated.sqlite, PROMPTS);
  seedPrompts(plain.sqlite, PROMPTS);
  applySearchExtras(migrated.sqlite);
  return { ids, indexed: new PromptHistoryRepository(migrated.db), scanning: new PromptHistoryRepository(plain.db), migrated };
}

const tagsOf = (p: ServicePrompt): string[] => JSON.parse(p.tags ?? '[]') as string[];

describe('search folds case for all of Unicode, with parity between index and scan', () => {
  it('ωmega finds Ωmega, and every query finds what a Unicode fold finds, on both paths', () => {
    const { ids, indexed, scanning } = pair();
    expect(indexed.findAll({ search: 'ωmega' }).map((r) => r.prompt)).toEqual(['Ωmega release notes']);
    expect(scanning.findAll({ search: 'ωmega' }).map((r) => r.prompt)).toEqual(['Ωmega release notes']);
    for (const q of SEARCHES) {
      const expected = PROMPTS.flatMap((p, i) => ([p.prompt, p.context ?? ''].some((t) => foldCase(t).includes(foldCase(q))) ? [ids[i]!] : [])).reverse();
      expect(expected.length, `fixture finds ${q}`).toBeGreaterThan(0);
      expect(
        indexed.findAll({ search: q }).map((r) => r.id),
        `indexed ${q}`,
      ).toEqual(expected);
      expect(
        scanning.findAll({ search: q }).map((r) => r.id),
        `scanning ${q}`,
      ).toEqual(expected);
      expect(indexed.count({ search: q })).toBe(expected.length);
    }
  });

  it('the tag filter matches in any case, through the tag index and the scan', () => {
    const { ids, indexed, scanning } = pair();
    for (const tag of TAGS) {
      const expected = PROMPTS.flatMap((p, i) => (tagsOf(p).some((t) => foldCase(t) === foldCase(tag)) ? [ids[i]!] : [])).reverse();
      expect(expected.length, `fixture has ${tag}`).toBeGreaterThan(0);
      expect(
        indexed.findAll({ tag }).map((r) => r.id),
        `indexed ${tag}`,
      ).toEqual(expected);
      expect(
        scanning.findAll({ tag }).map((r) => r.id),
        `scanning ${tag}`,
      ).toEqual(expected);
      // with a search driving the read, the tag is checked per prompt (indexedTag)
      expect(indexed.findAll({ tag, search: 'e' }).map((r) => r.id)).toEqual(scanning.findAll({ tag, search: 'e' }).map((r) => r.id));
    }
    expect(indexed.findAll({ tag: 'AUTH' }).map((r) => r.prompt)).toEqual(['lower auth here', 'plain ascii AUTH']);
    expect(indexed.categoryCounts({ tag: 'auth' })).toEqual(scanning.categoryCounts({ tag: 'auth' }));
    expect(indexed.tagCounts({ tag: 'Auth' })).toEqual(scanning.tagCounts({ tag: 'Auth' }));
  });

  it('the full-text index folds as foldCase does, except for the characters that make a query scan', () => {
    // Every cased code point, indexed once; its fold must find it, or the fold must be listed.
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE f USING fts5(t, tokenize='trigram')");
    const insert = db.prepare('INSERT INTO f (rowid, t) VALUES (?, ?)');
    const cased: number[] = [];
    db.transaction(() => {
      for (let cp = 0x80; cp <= 0x10ffff; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        const c = String.fromCodePoint(cp);
        if (foldCase(c) === c) continue;
        cased.push(cp);
        insert.run(cp, `x${c}y`);
      }
    })();
    const match = db.prepare<[string], { rowid: number }>('SELECT rowid FROM f WHERE f MATCH ?');
    const missed = cased.filter((cp) => {
      const f = foldCase(String.fromCodePoint(cp));
      return !FTS_FOLDS_DIFFERENTLY.test(f) && !match.all(`"x${f}y"`).some((r) => r.rowid === cp);
    });
    expect(missed.map((cp) => `U+${cp.toString(16)}`)).toEqual([]);
    db.close();
  });

  it('a query holding such a character scans, so the index never misses a row', () => {
    const { indexed } = pair();
    expect(indexed.source({ search: 'ნ georgian' }).from).not.toContain('prompt_history_fts');
    expect(indexed.source({ search: 'ωmega' }).from).toContain('prompt_history_fts');
  });

  it('the drizzle-free reader (history) folds the same way on a plain handle', () => {
    const { migrated } = pair();
    const reader = new PromptHistoryReader(migrated.sqlite);
    expect(reader.findAll({ search: 'ωMEGA' }).map((r) => r.prompt)).toEqual(['Ωmega release notes']);
    expect(reader.findAll({ tag: 'éCOLE' }).map((r) => r.prompt)).toEqual(['Résumé ÉCOLE parser']);
  });
});
