import { execFileSync, spawnSync } from 'node:child_process';
import { BIN, assertBuilt } from './spawn.js';

/** Whether tmux is installed; suites skip with a message where it is not. */
export function hasTmux(): boolean {
  return spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** The shell command line that runs the built binary with these arguments. */
export function binaryCommand(args: string[]): string {
  assertBuilt();
  return [process.execPath, BIN, ...args].map(quote).join(' ');
}

let serial = 0;

/** What a screen is waited for: text it contains, a pattern, or any test of the whole screen. */
export type Pattern = RegExp | string | ((screen: string) => boolean);
const matcher =
  (p: Pattern) =>
  (s: string): boolean =>
    typeof p === 'string' ? s.includes(p) : typeof p === 'function' ? p(s) : p.test(s);

/**
 * A shell in a tmux pane of a given size, on a tmux server of its own (its own socket), so
 * tests never touch anyone else's sessions. Everything waits on screen content, with a deadline.
 */
export class TmuxShell {
  readonly socket = `bematic-test-${process.pid}-${++serial}`;
  private readonly target = 'main';

  constructor(cols: number, rows: number, env: Record<string, string> = {}) {
    const vars = { NO_COLOR: '1', TERM: 'xterm-256color', PS1: '$ ', DATABASE_URL: '', BEMATIC_OPERATOR: '', ...env };
    const exports = Object.entries(vars)
      .map(([k, v]) => `${k}=${quote(v)}`)
      .join(' ');
    this.tmux('new-session', '-d', '-s', this.target, '-x', String(cols), '-y', String(rows), `env ${exports} bash --norc --noprofile`);
    this.tmux('set-option', '-t', this.target, 'status', 'off');
    this.tmux('set-window-option', '-t', this.target, 'window-size', 'manual');
  }

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Types a line into the shell and presses Enter. */
  run(line: string): void {
    this.tmux('send-keys', '-t', this.target, '-l', line);
    this.tmux('send-keys', '-t', this.target, 'Enter');
  }

  /** Presses keys by tmux name (`Down`, `C-c`, `Escape`, `Enter`) or types literal text with `literal`. */
  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.target, ...keys);
  }

  literal(text: string): void {
    this.tmux('send-keys', '-t', this.target, '-l', text);
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', this.target);
  }

  /** A tmux format value of the pane: `alternate_on`, `cursor_flag`, `pane_pid`, ... */
  pane(format: string): string {
    return this.tmux('display-message', '-p', '-t', this.target, `#{${format}}`).trim();
  }

  resize(cols: number, rows: number): void {
    this.tmux('resize-window', '-t', this.target, '-x', String(cols), '-y', String(rows));
  }

  /** Polls the screen until `pattern` shows (every 50 ms, at most `timeoutMs`: a safety stop). */
  async waitFor(pattern: Pattern, timeoutMs = 30_000): Promise<string> {
    const test = matcher(pattern);
    const rounds = Math.ceil(timeoutMs / 50);
    let last = '';
    for (let i = 0; i < rounds; i++) {
      last = this.screen();
      if (test(last)) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`screen never showed ${String(pattern)} within ${timeoutMs} ms; last screen:\n${last}`);
  }

  /** Polls until `pattern` is gone from the screen. */
  async waitForGone(pattern: Pattern, timeoutMs = 30_000): Promise<string> {
    const test = matcher(pattern);
    const rounds = Math.ceil(timeoutMs / 50);
    let last = '';
    for (let i = 0; i < rounds; i++) {
      last = this.screen();
      if (!test(last)) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`screen still showed ${String(pattern)} after ${timeoutMs} ms; last screen:\n${last}`);
  }

  /** The pid of the command running in the foreground of the shell (the binary we started), if any. */
  foregroundPid(): number | undefined {
    const shell = this.pane('pane_pid');
    const out = spawnSync('ps', ['-o', 'pid=', '--ppid', shell], { encoding: 'utf8' }).stdout.trim();
    const pid = Number(out.split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  }

  /**
   * Polls until the shell has no child left: the command it ran has exited, so what is typed next
   * reaches the shell. (A screen that no longer shows the console is not enough: the console
   * leaves the alternate screen before its process ends, and keys typed in between are lost.)
   */
  async waitForExit(timeoutMs = 30_000): Promise<void> {
    const rounds = Math.ceil(timeoutMs / 50);
    for (let i = 0; i < rounds; i++) {
      if (this.foregroundPid() === undefined) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the command in the shell was still running after ${timeoutMs} ms; last screen:\n${this.screen()}`);
  }

  /** Ends this test's own tmux server (and the shell in it). */
  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
  }
}
