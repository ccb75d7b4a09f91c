import { spawn } from 'node:child_process';
import { BIN, FLOOR } from '../paths.js';
import { strip } from '../ink-harness.js';
import { writeJob } from '../processes.js';
import type { BenchOptions, BenchRow } from '../result.js';
import { median } from '../stats.js';

/** The dashboard has drawn its data (the running-tasks panel counts them). */
const DASHBOARD_DATA = /Running now \(\d+\)/;

/** What the floor prints once it has opened the file. */
const FLOOR_SAYS = 'opened';

/**
 * One process started under a pseudo-terminal (util-linux `script`, 120x40), as an operator's
 * shell starts it: ms from spawn until `seen` is on its output; then `q` quits it. The console
 * and the floor both start this way, so the pty, the shell and stty weigh on each alike (some
 * 20-25 ms on this machine, which a floor spawned directly did not pay).
 */
function untilSeen(args: readonly string[], seen: RegExp): Promise<number> {
  return new Promise((resolve, reject) => {
    const cmd = `stty cols 120 rows 40; exec ${[process.execPath, ...args].map((a) => JSON.stringify(a)).join(' ')}`;
    const t = performance.now();
    const child = spawn('script', ['-qfec', cmd, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, TERM: 'xterm-256color' } });
    let out = '';
    let done = false;
    const timer = setTimeout(() => finish(new Error(`nothing like ${seen} after 60 s; output:\n${strip(out).slice(-800)}`)), 60_000);
    const finish = (e: Error | null, ms?: number): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (!child.stdin.destroyed) child.stdin.write('q');
      const kill = setTimeout(() => child.kill('SIGTERM'), 3000);
      const settle = (): void => {
        clearTimeout(kill);
        if (e) reject(e);
        else resolve(ms!);
      };
      if (child.exitCode !== null || child.signalCode !== null) settle();
      else child.once('exit', settle);
    };
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (!done && seen.test(strip(out))) finish(null, performance.now() - t);
    });
    child.on('error', (e) => finish(e));
    child.stdin.on('error', () => undefined); // the floor has exited by the time it is told to quit
    // 'close', not 'exit': the last output may still be on its way when the process has exited
    child.on('close', (code) => finish(new Error(`${args.join(' ')} exited (${code}) before ${seen}:\n${strip(out).slice(-800)}`)));
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
  const floorJob = writeJob({ db: o.db, readonly: true, statements: [], repeat: 0, warmup: 0, say: FLOOR_SAYS });
  for (let i = 0; i < o.processRuns + 1; i++) {
    const ms = await untilSeen([BIN, '--db', o.db], DASHBOARD_DATA);
    const floorMs = await untilSeen([FLOOR, floorJob], new RegExp(`^${FLOOR_SAYS}$`, 'm'));
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
      target: { text: `<= ${START_RATIO}x a bare node process that opens the file (both started under the pty)`, met: console <= START_RATIO * floor },
    },
  ];
}
