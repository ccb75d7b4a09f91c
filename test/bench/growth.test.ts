import { describe, expect, it } from 'vitest';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { growthTable, growthVerdict, targetSummary } from '../../src/bench/report.js';
import { alternate } from '../../src/bench/processes.js';
import { storeOf } from '../../src/bench/database.js';
import type { BenchRow } from '../../src/bench/result.js';

const row = (work: string, console: number, extra: Partial<BenchRow> = {}): BenchRow => ({ group: 'tasks list, in-process', work, console, ...extra });

describe('the growth table', () => {
  it('calls a row flat within 1.5x (or within 1 ms, the noise between processes here) from the smallest scale to the largest, else says how much it grew', () => {
    expect(growthVerdict(2, 3)).toBe('flat');
    expect(growthVerdict(2, 1)).toBe('flat');
    expect(growthVerdict(2, 3.2)).toBe('grows 1.60x');
    expect(growthVerdict(10, 250)).toBe('grows 25.0x');
    expect(growthVerdict(0.02, 0.06)).toBe('flat'); // 3x, but 0.04 ms: timer noise
    expect(growthVerdict(0.4, 1.3)).toBe('flat'); // 3x, but 0.9 ms: what one read varies between processes
    expect(growthVerdict(1.4, 5.5)).toBe('grows 3.93x');
    expect(growthVerdict(undefined, 3)).toBe('-');
  });

  it('has a column per scale, the verdict from the first to the last, and why', () => {
    const byScale = new Map<number, BenchRow[]>([
      [30, [row('first page', 0.31), row('filter text (common)', 9), row('heap', 40, { unit: 'MB' })]],
      [1, [row('first page', 0.3), row('filter text (common)', 1)]],
      [10, [row('first page', 0.29), row('filter text (common)', 3)]],
    ]);
    const [head, , first, filter, ...rest] = growthTable(byScale, (r) => `why ${r.work}`);
    expect(head).toBe('| group | work | scale 1 | scale 10 | scale 30 | 1 -> 30 | why |');
    expect(first).toBe('| tasks list, in-process | first page | 0.30 ms | 0.29 ms | 0.31 ms | flat | why first page |');
    expect(filter).toBe('| tasks list, in-process | filter text (common) | 1.00 ms | 3.00 ms | 9.00 ms | grows 9.00x | why filter text (common) |');
    expect(rest).toEqual([]); // memory rows are not timings
  });
});

describe('the targets list', () => {
  it('says what stands in the way of a missed target: the row note first, else the why of its work', () => {
    const rows: BenchRow[] = [
      row('history --tags', 130, { group: 'history, whole process', floor: 90, target: { text: '<= 1.3x the floor', met: false }, note: 'module loading: 40 ms' }),
      row('key j', 12, { target: { text: '<= 8 ms', met: false } }),
      row('first page', 0.3, { target: { text: '<= 16 ms', met: true } }),
    ];
    const [tags, key, page] = targetSummary(rows, (r) => `why ${r.work}`);
    expect(tags).toBe('- **MISSED**: history, whole process / history --tags: <= 1.3x the floor (console 130 ms, floor 90.0 ms: 1.44x the floor). In the way: module loading: 40 ms');
    expect(key).toContain('**MISSED**');
    expect(key).toContain('In the way: why key j');
    expect(page).toBe('- met: tasks list, in-process / first page: <= 16 ms (console 0.30 ms)');
  });
});

describe('alternating measurements', () => {
  it('runs a, b, a, b..., drops the warm-up pairs and keeps each side apart', () => {
    const order: string[] = [];
    let n = 0;
    const [a, b] = alternate(
      () => (order.push('a'), ++n),
      () => (order.push('b'), ++n),
      3,
      1,
    );
    expect(order).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
    expect(a).toEqual([3, 5, 7]);
    expect(b).toEqual([4, 6, 8]);
  });
});

describe('where a big demo file is written', () => {
  it('follows a symlink under .bench/, links a new file into BENCH_STORE, else writes in place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
    const linked = join(dir, 'bench', 'demo-10.db');
    const elsewhere = join(dir, 'store', 'demo-10.db');
    mkdirSync(join(dir, 'bench'));
    symlinkSync(elsewhere, linked); // dangling until the demo is written
    expect(storeOf(linked, undefined)).toBe(elsewhere);

    const fresh = join(dir, 'bench', 'demo-30.db');
    expect(storeOf(fresh, join(dir, 'store'))).toBe(join(dir, 'store', 'demo-30.db'));
    expect(lstatSync(fresh).isSymbolicLink()).toBe(true);
    expect(readlinkSync(fresh)).toBe(join(dir, 'store', 'demo-30.db'));

    const plain = join(dir, 'bench', 'demo-1.db');
    expect(storeOf(plain, undefined)).toBe(plain);
    expect(existsSync(plain)).toBe(false);
  });
});
