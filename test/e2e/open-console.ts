import { afterAll, afterEach, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TmuxShell, binaryCommand, hasTmux } from '../helpers/spawn-tmux.js';
import { markedDemo, type Marked } from './e2e-db.js';

export interface ConsoleInTmux {
  /** the file's marked demo database (made once, before its tests) */
  readonly demo: Marked;
  /**
   * A `cols`x`rows` tmux pane running the built binary on the demo database with `args`; the shell
   * prints `EXIT=<code>` when it ends. `beforeRun` sees the pane before the binary starts.
   */
  open(cols: number, rows: number, args?: readonly string[], beforeRun?: (pane: TmuxShell) => void): TmuxShell;
}

/**
 * The setup the tmux tests share, called once at the top of a test file: a marked demo database in
 * a temp folder (when tmux is there), each test's pane closed after it, the folder removed at the end.
 */
export function consoleInTmux(name: string): ConsoleInTmux {
  const dir = mkdtempSync(join(tmpdir(), `bematic-e2e-${name}-`));
  let demo: Marked | undefined;
  let shell: TmuxShell | undefined;
  beforeAll(async () => {
    if (hasTmux()) demo = await markedDemo(dir);
  }, 60_000);
  afterEach(() => {
    shell?.close();
    shell = undefined;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const made = (): Marked => {
    if (!demo) throw new Error('no demo database: tmux is not installed (describe.skipIf(!hasTmux()) the tests)');
    return demo;
  };
  return {
    get demo() {
      return made();
    },
    open(cols, rows, args = [], beforeRun) {
      const pane = (shell = new TmuxShell(cols, rows));
      beforeRun?.(pane);
      pane.run(`${binaryCommand(['--db', made().path, ...args])}; echo "EXIT=$?"`);
      return pane;
    },
  };
}
