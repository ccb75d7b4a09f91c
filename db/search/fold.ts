import type Database from 'better-sqlite3';

/**
 * Case folding for search and filters, for all of Unicode (`ωmega` finds `Ωmega`), where
 * SQLite's lower() and LIKE fold ASCII only. The same fold on the query and, through a SQL
 * function registered on the connection, on the stored text, in every path (full-text index,
 * scan, tag index, tag scan), so all of them return the same rows.
 *
 * toLowerCase, except: final sigma (ς) folds to σ (ΟΔΟΣ ends in ς once lowered), and İ (U+0130)
 * is kept, as the FTS5 trigram index keeps it (toLowerCase would make it i + U+0307).
 */
export function foldCase(text: string): string {
  const lower = text.includes('\u0130') ? text.replace(/[^\u0130]+/g, (m) => m.toLowerCase()) : text.toLowerCase();
  return lower.includes('ς') ? lower.replaceAll('ς', 'σ') : lower;
}

/** The SQL function: the fold of a text value, NULL for anything else (a BLOB or NULL matches nothing). */
export const FOLD_FUNCTION = 'bematic_fold';

const registered = new WeakSet<Database.Database>();

/** Registers FOLD_FUNCTION on the connection (once); every reader that searches calls this first. */
export function registerFold(sqlite: Database.Database): void {
  if (registered.has(sqlite)) return;
  sqlite.function(FOLD_FUNCTION, { deterministic: true }, (v: unknown) => (typeof v === 'string' ? foldCase(v) : typeof v === 'number' || typeof v === 'bigint' ? String(v) : null));
  registered.add(sqlite);
}

/**
 * Characters the FTS5 trigram index does not fold as foldCase does: the lower-case forms of
 * letters whose case pairs came after its Unicode 6.1 tables (Georgian Mtavruli, Cherokee,
 * Osage, Adlam, newer Latin and Cyrillic letters, ...). A query whose fold holds one is searched
 * by scanning, so no row the scan finds is missed by the index. Found by indexing every cased
 * code point: test/db/search-fold.test.ts recomputes it and fails when an upgrade of SQLite or
 * Node changes it.
 */
export const FTS_FOLDS_DIFFERENTLY = new RegExp(
  '[' +
    [
      '\\u019b',
      '\\u025c',
      '\\u0261',
      '\\u0264',
      '\\u026a',
      '\\u026c',
      '\\u0282',
      '\\u0287',
      '\\u029d-\\u029e',
      '\\u03f3',
      '\\u0529',
      '\\u052b',
      '\\u052d',
      '\\u052f',
      '\\u10d0-\\u10fa',
      '\\u10fd-\\u10ff',
      '\\u13f8-\\u13fd',
      '\\u1c8a',
      '\\u1d8e',
      '\\u2c5f',
      '\\ua699',
      '\\ua69b',
      '\\ua794',
      '\\ua797',
      '\\ua799',
      '\\ua79b',
      '\\ua79d',
      '\\ua79f',
      '\\ua7b5',
      '\\ua7b7',
      '\\ua7b9',
      '\\ua7bb',
      '\\ua7bd',
      '\\ua7bf',
      '\\ua7c1',
      '\\ua7c3',
      '\\ua7c8',
      '\\ua7ca',
      '\\ua7cd',
      '\\ua7cf',
      '\\ua7d1',
      '\\ua7d3',
      '\\ua7d5',
      '\\ua7d7',
      '\\ua7d9',
      '\\ua7db',
      '\\ua7f6',
      '\\uab53',
      '\\uab70-\\uabbf',
      '\\u{104d8}-\\u{104fb}',
      '\\u{10597}-\\u{105a1}',
      '\\u{105a3}-\\u{105b1}',
      '\\u{105b3}-\\u{105b9}',
      '\\u{105bb}-\\u{105bc}',
      '\\u{10cc0}-\\u{10cf2}',
      '\\u{10d70}-\\u{10d85}',
      '\\u{118c0}-\\u{118df}',
      '\\u{16e60}-\\u{16e7f}',
      '\\u{16ebb}-\\u{16ed3}',
      '\\u{1e922}-\\u{1e943}',
    ].join('') +
    ']',
  'u',
);
