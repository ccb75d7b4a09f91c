import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built binary: `npm test` builds first (`npx tsc -p tsconfig.build.json` by hand). */
export const BIN = fileURLToPath(new URL('../../dist/bin/bematic-console.js', import.meta.url));
export const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  /** written to stdin, which is then closed (stdin is otherwise empty, never a terminal) */
  input?: string | Buffer;
  cwd?: string;
  /** run as user nobody: root ignores file permissions, nobody does not */
  asNobody?: boolean;
  /** kill after this long: a safety stop, not an assertion */
  timeoutMs?: number;
}

export interface BinaryRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** the exact bytes written, to look for escape sequences */
  stdoutBytes: Buffer;
  stderr: string;
}

export function assertBuilt(): void {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build first with \`npx tsc -p tsconfig.build.json\``);
}

/** Starts the real binary as a process; stdin a pipe, so it never sees a terminal. */
export function startBinary(args: string[], opts: SpawnOptions = {}): ChildProcess {
  assertBuilt();
  const env = { ...process.env, NO_COLOR: '1', DEBUG: '', DATABASE_URL: '', BEMATIC_OPERATOR: '', ...opts.env };
  const [cmd, argv] = opts.asNobody ? ['setpriv', [...NOBODY, process.execPath, BIN, ...args]] : [process.execPath, [BIN, ...args]];
  return spawn(cmd, argv, { env, cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs the binary to its end and collects what it wrote. */
export function runBinary(args: string[], opts: SpawnOptions = {}): Promise<BinaryRun> {
  const child = startBinary(args, opts);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout!.on('data', (d: Buffer) => out.push(d));
  child.stderr!.on('data', (d: Buffer) => err.push(d));
  child.stdin!.on('error', () => {}); // a command that never reads stdin may close it early
  child.stdin!.end(opts.input ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdoutBytes = Buffer.concat(out);
      resolve({ code, signal, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** Resolves once the process has written something matching `pattern` on stderr (a progress line). */
export function waitForStderr(child: ChildProcess, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  let seen = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} on stderr within ${timeoutMs} ms; saw: ${seen.slice(-300)}`)), timeoutMs);
    const onData = (d: Buffer): void => {
      seen += d.toString('utf8');
      if (pattern.test(seen)) {
        clearTimeout(timer);
        child.stderr!.off('data', onData);
        resolve(seen);
      }
    };
    child.stderr!.on('data', onData);
    child.on('close', () => {
      clearTimeout(timer);
      reject(new Error(`exited before ${pattern} appeared on stderr; saw: ${seen.slice(-300)}`));
    });
  });
}

/** Sends a signal to one child we started, and waits until it is gone. */
export function killAndWait(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('close', () => resolve());
    child.kill(signal);
  });
}

/** What every failing command must look like: one sentence, no stack trace. */
export function isOneSentence(stderr: string): boolean {
  const lines = stderr.trim().split('\n');
  return lines.length === 1 && lines[0]!.length > 0 && !/\n\s+at\s|^\s+at\s|Error:|node:internal/.test(stderr);
}

/** Runs the binary on a pseudo-terminal (util-linux `script`), as an operator at a terminal would. */
export async function runOnTerminal(args: string[], opts: SpawnOptions = {}): Promise<BinaryRun> {
  assertBuilt();
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    env: { ...process.env, NO_COLOR: '1', DEBUG: '', DATABASE_URL: '', TERM: 'xterm-256color', ...opts.env },
    cwd: opts.cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => out.push(d));
  child.stderr.on('data', (d: Buffer) => out.push(d));
  child.stdin.on('error', () => {});
  if (opts.input !== undefined) child.stdin.write(opts.input);
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const bytes = Buffer.concat(out);
      // the terminal merges both streams and turns \n into \r\n
      const text = bytes.toString('utf8').replace(/\r\n/g, '\n');
      resolve({ code, signal, stdout: text, stdoutBytes: bytes, stderr: text });
    });
  });
}
