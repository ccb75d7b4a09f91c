// Memory while scrolling: run with --expose-gc as its own process (so nothing else measured
// shares its heap). argv: database, pages. Prints JSON samples.
// React's production build, as the binary loads it (set before React is first imported).
process.env.NODE_ENV ??= 'production';
const { openDatabase } = await import('../../db/connection.js');
const { countDone, hasListData, KEYS, mountConsole } = await import('./ink-harness.js');

interface Sample {
  page: number;
  rssMb: number;
  heapMb: number;
}

/** The window shows the last row ("951-1,000 of 1,000"): a small file wraps around to the top. */
function atEnd(frame: string): boolean {
  const m = /([\d,]+)-([\d,]+) of ([\d,]+)/.exec(frame);
  return m !== null && m[2] === m[3];
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (n: number): number => Math.round((n / 2 ** 20) * 10) / 10;

async function scroll(db: string, pages: number): Promise<{ samples: Sample[]; peakRssMb: number; peakHeapMb: number }> {
  const conn = openDatabase({ path: db, readOnly: true });
  const app = mountConsole(conn, 'tasks');
  const samples: Sample[] = [];
  let peakRss = 0;
  let peakHeap = 0;
  const sample = (page: number): void => {
    gc();
    const m = process.memoryUsage();
    samples.push({ page, rssMb: mb(m.rss), heapMb: mb(m.heapUsed) });
  };
  try {
    await app.until(hasListData);
    await app.until(countDone, 120_000);
    await app.settle();
    sample(0);
    const every = Math.max(1, Math.floor(pages / 20));
    for (let p = 1; p <= pages; p++) {
      const before = app.frame();
      await app.pressFast(atEnd(before) ? KEYS.home : KEYS.pageDown, before);
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
      if (p % every === 0) sample(p);
    }
  } finally {
    app.unmount();
    conn.close();
  }
  return { samples, peakRssMb: mb(peakRss), peakHeapMb: mb(peakHeap) };
}

const [db, pages] = [process.argv[2]!, Number(process.argv[3] ?? 2000)];
process.stdout.write(JSON.stringify(await scroll(db, pages)) + '\n');
process.exit(0);
