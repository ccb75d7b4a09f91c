import { MEMORY } from '../paths.js';
import { timeProcess } from '../processes.js';
import type { BenchOptions, BenchRow } from '../result.js';

interface MemoryResult {
  samples: { page: number; rssMb: number; heapMb: number }[];
  peakRssMb: number;
  peakHeapMb: number;
}

/** Flat: the heap after GC grows by less than this from the first tenth of the scroll to its end. */
export const FLAT_HEAP_MB = 5;

/** Pages down through the tasks list in the real App (its own process, --expose-gc) and samples memory. */
export function memorySuite(o: BenchOptions): { rows: BenchRow[]; samples: MemoryResult['samples'] } {
  o.log(`  scrolling ${o.pages} pages of the tasks list`);
  const r = timeProcess(['--expose-gc', MEMORY, o.db, String(o.pages)]);
  if (r.code !== 0) throw new Error(`memory scroll failed: ${r.stderr.trim().slice(0, 600)}`);
  const m = JSON.parse(r.stdout) as MemoryResult;
  const early = m.samples.find((s) => s.page >= o.pages / 10) ?? m.samples[0]!;
  const last = m.samples[m.samples.length - 1]!;
  const growth = last.heapMb - early.heapMb;
  const group = `memory, ${o.pages} PgDn on the tasks list`;
  return {
    samples: m.samples,
    rows: [
      {
        group,
        work: `heap after GC: page ${early.page} -> page ${last.page}`,
        floor: early.heapMb,
        console: last.heapMb,
        unit: 'MB',
        target: { text: `flat: grows < ${FLAT_HEAP_MB} MB`, met: growth < FLAT_HEAP_MB },
      },
      { group, work: `RSS: page ${early.page} -> page ${last.page} (peak ${m.peakRssMb} MB)`, floor: early.rssMb, console: last.rssMb, unit: 'MB' },
      { group, work: 'peak heap while scrolling', console: m.peakHeapMb, unit: 'MB' },
    ],
  };
}
