import { describe, it, expect } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { minutesAgo, seedProject, seedTasks } from '../helpers/seed.js';
import { taskListSource, type TaskListItem } from '../../db/views/tasks.js';
import type { ListSource, PageRequest } from '../../db/views/keyset.js';
import { firstPage, lastPage, moveBy } from '../../src/hooks/keyset-window.js';
import { readAhead } from '../../src/hooks/read-ahead.js';

/** The reads that reach the real source (SQLite), in order. */
function counting<T>(src: ListSource<T>) {
  const reads: { req: PageRequest['kind']; limit: number }[] = [];
  const wrapped: ListSource<T> = {
    ...src,
    page(req, limit) {
      reads.push({ req: req.kind, limit });
      return src.page(req, limit);
    },
  };
  return { src: wrapped, reads };
}

function setup(n: number) {
  const conn = freshDatabase();
  const p = seedProject(conn.sqlite);
  seedTasks(conn.sqlite, p, n);
  return { conn, project: p, src: taskListSource(conn.db, {}) };
}

const ids = (rows: readonly TaskListItem[]): string[] => rows.map((r) => r.id);

describe('read-ahead of a keyset list', () => {
  it('after fill, PgDn, PgUp, Home and End read nothing and show what a fresh read shows', () => {
    const { src: base } = setup(100);
    const { src, reads } = counting(base);
    const ahead = readAhead(src);
    let w = firstPage(ahead, 10);
    w = moveBy(w, ahead, 10, 15); // away from the top: both directions and both ends are open
    ahead.fill(w, 10);
    reads.length = 0;

    const down = moveBy(w, ahead, 10, 10);
    const up = moveBy(w, ahead, 10, -10 - w.cursor);
    const home = firstPage(ahead, 10);
    const end = lastPage(ahead, 10);
    expect(reads).toEqual([]);

    expect(ids(down.rows)).toEqual(ids(moveBy(w, base, 10, 10).rows));
    expect(ids(up.rows)).toEqual(ids(moveBy(w, base, 10, -10 - w.cursor).rows));
    expect(ids(home.rows)).toEqual(ids(firstPage(base, 10).rows));
    expect(ids(end.rows)).toEqual(ids(lastPage(base, 10).rows));
  });

  it('a page read with a larger limit answers a smaller one from the right end: j and k at the edges', () => {
    const { src: base } = setup(60);
    const ahead = readAhead(base);
    let w = moveBy(firstPage(ahead, 10), ahead, 10, 25);
    ahead.fill(w, 10);
    const head = w.rows[0]!;
    const tail = w.rows[w.rows.length - 1]!;
    for (const n of [1, 3, 10]) {
      expect(ids(ahead.page({ kind: 'after', cursor: base.cursorOf(tail) }, n))).toEqual(ids(base.page({ kind: 'after', cursor: base.cursorOf(tail) }, n)));
      expect(ids(ahead.page({ kind: 'before', cursor: base.cursorOf(head) }, n))).toEqual(ids(base.page({ kind: 'before', cursor: base.cursorOf(head) }, n)));
      expect(ids(ahead.page({ kind: 'last' }, n))).toEqual(ids(base.page({ kind: 'last' }, n)));
    }
    // more than was read ahead: read again, whole
    expect(ids(ahead.page({ kind: 'after', cursor: base.cursorOf(tail) }, 20))).toEqual(ids(base.page({ kind: 'after', cursor: base.cursorOf(tail) }, 20)));
    // near the top: fewer rows before than the limit, and a smaller limit still takes the nearest
    w = moveBy(firstPage(ahead, 10), ahead, 10, 12);
    ahead.fill(w, 10);
    const near = { kind: 'before', cursor: base.cursorOf(w.rows[0]!) } as const;
    expect(ids(ahead.page(near, 2))).toEqual(ids(base.page(near, 2)));
  });

  it('reads nothing past an end: at the top, no first page and no page before', () => {
    const { src: base } = setup(30);
    const { src, reads } = counting(base);
    const ahead = readAhead(src);
    const w = firstPage(ahead, 10);
    reads.length = 0;
    ahead.fill(w, 10);
    expect(reads.map((r) => r.req).sort()).toEqual(['after', 'last']);
    ahead.fill(w, 10); // kept: nothing read twice
    expect(reads).toHaveLength(2);
  });

  it('keeps what it read: a task the service adds later is seen by the next read-ahead, not by this one', () => {
    const { conn, project, src } = setup(30);
    const before = readAhead(src);
    const w = firstPage(before, 10);
    before.fill(moveBy(w, before, 10, 15), 10);
    seedTasks(conn.sqlite, project, 1, () => ({ createdAt: minutesAgo(-5) })); // a newer task: the new first row
    const fresh = readAhead(src); // what a new data version makes (use-keyset-list.ts)
    expect(ids(firstPage(fresh, 10).rows)[0]).not.toBe(ids(firstPage(before, 10).rows)[0]);
    expect(ids(firstPage(fresh, 10).rows)).toEqual(ids(firstPage(src, 10).rows));
  });
});
