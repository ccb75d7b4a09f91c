import { describe, it, expect } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTasks } from '../helpers/seed.js';
import { taskListSource, type TaskListItem } from '../../db/views/tasks.js';
import type { ListSource, PageRequest } from '../../db/views/keyset.js';
import { firstPage, lastPage, moveBy, reload, resize, positionText } from '../../src/hooks/keyset-window.js';

/** Counts the rows each page read returns: the cost of a key press, whatever the table's size. */
function counting<T>(src: ListSource<T>) {
  const reads: { req: PageRequest['kind']; limit: number; got: number }[] = [];
  const wrapped: ListSource<T> = {
    ...src,
    page(req, limit) {
      const rows = src.page(req, limit);
      reads.push({ req: req.kind, limit, got: rows.length });
      return rows;
    },
  };
  return { src: wrapped, reads };
}

function setup(n: number) {
  const conn = freshDatabase();
  const p = seedProject(conn.sqlite);
  const ids = seedTasks(conn.sqlite, p, n); // ids[i] is the i-th newest
  return { conn, ids, src: taskListSource(conn.db, {}) };
}

const ids = (rows: readonly TaskListItem[]): string[] => rows.map((r) => r.id);

describe('keyset window', () => {
  it('scrolls one row at a time past the bottom, reading only the row scrolled in', () => {
    const { ids: all, src: base } = setup(40);
    const { src, reads } = counting(base);
    let w = firstPage(src, 10);
    for (let i = 0; i < 9; i++) w = moveBy(w, src, 10, 1);
    expect(w.cursor).toBe(9);
    reads.length = 0;
    w = moveBy(w, src, 10, 1);
    expect(reads).toEqual([{ req: 'after', limit: 1, got: 1 }]);
    expect(ids(w.rows)).toEqual(all.slice(1, 11));
    expect(w.cursor).toBe(9);
    expect(positionText(w, { value: 40, exact: true })).toBe('2-11 of 40');
  });

  it('pages down and up in both directions and lands where OFFSET would', () => {
    const { ids: all, src } = setup(35);
    let w = firstPage(src, 10);
    w = moveBy(w, src, 10, 10);
    w = moveBy(w, src, 10, 10);
    expect(ids(w.rows)).toEqual(all.slice(11, 21));
    expect(w.rows[w.cursor]!.id).toBe(all[20]);
    w = moveBy(w, src, 10, -10);
    w = moveBy(w, src, 10, -10);
    expect(w.rows[w.cursor]!.id).toBe(all[0]);
    expect(w.before).toBe(0);
  });

  it('jumps to the end through the reversed order and scrolls back up from there', () => {
    const { ids: all, src: base } = setup(25);
    const { src, reads } = counting(base);
    let w = lastPage(src, 10);
    expect(reads).toEqual([{ req: 'last', limit: 10, got: 10 }]);
    expect(ids(w.rows)).toEqual(all.slice(15));
    expect(w.rows[w.cursor]!.id).toBe(all[24]);
    expect(positionText(w, { value: 25, exact: true })).toBe('16-25 of 25');
    for (let i = 0; i < 10; i++) w = moveBy(w, src, 10, -1);
    expect(ids(w.rows)).toEqual(all.slice(14, 24));
    expect(w.cursor).toBe(0);
  });

  it('stops at both ends without moving past them', () => {
    const { ids: all, src } = setup(5);
    let w = firstPage(src, 10);
    w = moveBy(w, src, 10, -3);
    expect(w.cursor).toBe(0);
    w = moveBy(w, src, 10, 50);
    expect(w.rows[w.cursor]!.id).toBe(all[4]);
  });

  it('reloads in place and keeps the cursor on the same row when newer rows arrive', () => {
    const { conn, ids: all, src } = setup(30);
    let w = firstPage(src, 10);
    w = moveBy(w, src, 10, 3);
    const newer = seedTasks(conn.sqlite, w.rows[0]!.projectId, 2, (i) => ({ createdAt: new Date(Date.parse('2026-11-27T00:00:00Z') + i).toISOString() }));
    w = reload(w, src, 10);
    expect(w.rows[0]!.id).toBe(newer[1]);
    expect(w.rows[w.cursor]!.id).toBe(all[3]);
  });

  it('shrinks around the cursor and grows from the first row on resize', () => {
    const { ids: all, src } = setup(30);
    let w = firstPage(src, 10);
    w = moveBy(w, src, 10, 8);
    w = resize(w, src, 5);
    expect(w.rows).toHaveLength(5);
    expect(w.rows[w.cursor]!.id).toBe(all[8]);
    w = resize(w, src, 12);
    expect(w.rows).toHaveLength(12);
    expect(w.rows[w.cursor]!.id).toBe(all[8]);
  });
});
