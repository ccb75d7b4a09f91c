import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BareJob, BareResult, CapturedStatement } from './bare-job.js';
import { BENCH_DIR, BIN, FLOOR } from './paths.js';

export interface ProcessRun {
  readonly ms: number;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts `node args` and waits for it to exit: wall time from spawn to exit. */
export function timeProcess(args: readonly string[], env: NodeJS.ProcessEnv = process.env): ProcessRun {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 256 << 20 });
  const ms = performance.now() - t;
  return { ms, code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Warm-up then `runs` timed starts; fails loudly if the process fails (a broken measurement is no measurement). */
export function sampleProcess(args: readonly string[], runs: number, warmup = 1): number[] {
  const out: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const r = timeProcess(args, { ...process.env, NO_COLOR: '1' });
    if (r.code !== 0) throw new Error(`node ${args.join(' ')} exited ${r.code}: ${r.stderr.trim().slice(0, 400)}`);
    if (i >= warmup) out.push(r.ms);
  }
  return out;
}

/**
 * Runs two measurements in alternation (a, b, a, b...) and returns each one's samples after the
 * warm-up pairs, so a change of load on the shared machine weighs on both alike and their ratio
 * stays fair.
 */
export function alternate(a: () => number, b: () => number, runs: number, warmup = 1): [number[], number[]] {
  const outA: number[] = [];
  const outB: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const pair = [a(), b()] as const;
    if (i >= warmup) {
      outA.push(pair[0]);
      outB.push(pair[1]);
    }
  }
  return [outA, outB];
}

/** Whole-process samples of two commands started in alternation (see `alternate`). */
export function sampleAlternating(a: readonly string[], b: readonly string[], runs: number, warmup = 1): [number[], number[]] {
  return alternate(
    () => sampleProcess(a, 1, 0)[0]!,
    () => sampleProcess(b, 1, 0)[0]!,
    runs,
    warmup,
  );
}

let jobs = 0;

/** Writes a bare job to .bench/jobs and returns its path. */
export function writeJob(job: BareJob): string {
  const dir = join(BENCH_DIR, 'jobs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `job-${process.pid}-${++jobs}.json`);
  writeFileSync(file, JSON.stringify(job));
  return file;
}

/** In-process timings of the statements, in a bare process (the floor of a query). */
export function bareTimings(script: string, db: string, statements: readonly CapturedStatement[], repeat: number, warmup = 1, post?: BareJob['post']): BareResult {
  const file = writeJob({ db, readonly: true, statements, repeat, warmup, post });
  const r = timeProcess([script, file]);
  if (r.code !== 0) throw new Error(`${script} failed: ${r.stderr.trim().slice(0, 400)}`);
  return JSON.parse(r.stdout) as BareResult;
}

/** The arguments of a bare process running the statements once. */
export function bareProcessArgs(script: string, db: string, statements: readonly CapturedStatement[], post?: BareJob['post']): string[] {
  return [script, writeJob({ db, readonly: true, statements, repeat: 0, warmup: 0, post })];
}

/** Whole-process samples of a bare process running the statements once. */
export function bareProcess(script: string, db: string, statements: readonly CapturedStatement[], runs: number, post?: BareJob['post'], warmup = 1): number[] {
  return sampleProcess(bareProcessArgs(script, db, statements, post), runs, warmup);
}

export const consoleArgs = (db: string, args: readonly string[]): string[] => [BIN, ...args, '--db', db];
export { FLOOR };
