import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface SimConfig {
  db: string;
  /** how many operations to perform before reporting */
  ops: number;
  /** projects the simulated tasks belong to */
  projects: { id: string; channel: string }[];
  slackUserId: string;
  seed?: number;
  /** a 1 ms pause every this many operations (default 4) */
  pauseEveryOps?: number;
}

export interface SimReport {
  ops: Record<string, number>;
  insertedTasks: string[];
  taskStatus: Record<string, string>;
  lostTransitions: { id: string; from: string; to: string }[];
  auditIds: number[];
  promptIds: number[];
  executions: Record<string, number>;
  completedSchedules: string[];
  purgedKeys: string[];
  errors: { op: string; code: string | null; message: string }[];
}

export interface RunningSim {
  /** resolves once the simulator has opened the file and starts writing */
  readonly ready: Promise<void>;
  /** resolves with the report when it exits 0; rejects with its stderr otherwise */
  readonly done: Promise<SimReport>;
  running(): boolean;
}

const SCRIPT = fileURLToPath(new URL('./service-sim.mjs', import.meta.url));

/** Starts the service simulator as a separate process (a real second writer, not a second handle). */
export function startServiceSim(config: SimConfig): RunningSim {
  const child = spawn(process.execPath, [SCRIPT, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let alive = true;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    if (out.startsWith('ready\n')) markReady();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const done = new Promise<SimReport>((resolve, reject) => {
    child.on('exit', (code) => {
      alive = false;
      markReady();
      if (code !== 0) return reject(new Error(`service simulator exited ${code}: ${err}`));
      const last = out.trim().split('\n').pop() ?? '';
      resolve(JSON.parse(last) as SimReport);
    });
  });
  return { ready, done, running: () => alive };
}
