import { spawn } from 'node:child_process';
import { BIN, FLOOR } from '../paths.js';
import { strip } from '../ink-harness.js';
import { bareProcess } from '../processes.js';
import type { BenchOptions, BenchRow } from '../result.js';
import { median } from '../stats.js';

/** The dashboard has drawn its data (the running-tasks panel counts them). */
const DASHBOARD_DATA = /Running now \(\d+\)/;

/**
 * One start of the whole console under a pseudo-terminal (util-linux `script`, 120x40): ms from
 * spawn until the first frame with data is on its output; then `q` quits it.
 */
function firstFrame(db: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const cmd = `stty cols 120 rows 40; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} --db ${JSON.stringify(db)}`;
    const t = performance.now();
    const child = spawn('script', ['-qfec', cmd, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, TERM: 'xterm-256color' } });
    let out = '';
    let done = false;
    const timer = setTimeout(() => finish(new Error(`no dashboard data after 60 s; output:\n${strip(out).slice(-800)}`)), 60_000);
    const finish = (e: Error | null, ms?: number): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.stdin.write('q');
      const kill = setTimeout(() => child.kill('SIGTERM'), 3000);
      child.once('exit', () => {
        clearTimeout(kill);
        if (e) reject(e);
        else resolve(ms!);
      });
    };
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (!done && DASHBOARD_DATA.test(strip(out))) finish(null, performance.now() - t);
    });
    child.on('error', (e) => finish(e));
    child.on('exit', (code) => finish(new Error(`the console exited (${code}) before its first frame:\n${strip(out).slice(-800)}`)));
  });
}

/** Issue 17: interactive start to the first dashboard frame with data, at most this many times the bare process. */
export const START_RATIO = 2.5;

/** The whole process to its first frame with data, against a bare node process that only opens the file. */
export async function ptySuite(o: BenchOptions): Promise<BenchRow[]> {
  o.log('  whole console under a pty');
  // console and floor started in alternation, the first pair a warm-up: a change of load on the
  // shared machine weighs on both alike
  const samples: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < o.processRuns + 1; i++) {
    const ms = await firstFrame(o.db);
    const floorMs = bareProcess(FLOOR, o.db, [], 1, undefined, 0)[0]!;
    if (i > 0) {
      samples.push(ms);
      floors.push(floorMs);
    }
  }
  const floor = median(floors);
  const console = median(samples);
  return [
    {
      group: 'console, whole process (pty)',
      work: 'start to first dashboard frame with data',
      floor,
      console,
      target: { text: `<= ${START_RATIO}x a bare node process that opens the file`, met: console <= START_RATIO * floor },
    },
  ];
}
