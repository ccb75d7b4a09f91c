import React from 'react';
import { render as inkRender } from 'ink';
import { render as testingRender } from 'ink-testing-library';
import type { Connection } from '../../db/connection.js';
import { App } from '../app/App.js';
import { colourTheme } from '../../components/theme/tokens.js';
import { INK_RENDER_OPTIONS } from '../app/render-options.js';
import { ScreenModel } from './screen-model.js';
import { BSU, FakeStdin, FakeTty } from './fake-terminal.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
export const strip = (s: string): string => s.replace(ANSI, '');

export const KEYS = {
  down: '\u001b[B',
  up: '\u001b[A',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
  home: '\u001b[H',
  end: '\u001b[F',
  enter: '\r',
  esc: '\u001b',
} as const;

/** A list's first frame with data: the position indicator ("1-50 of ~1,000,000", "12 rows"). */
export const hasListData = (f: string): boolean => /\b\d[\d,]*-[\d,]+( of|\s*$)|\b\d[\d,]* rows\b/m.test(f);
/** The position with an exact total: the background count has finished. */
export const countDone = (f: string): boolean => / of [\d,]+/.test(f) && !/ of ~/.test(f);

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

/**
 * How the App is drawn: `terminal` is the console's own path (Ink's render() with the options of
 * src/app/render-options.ts, on a TTY of the given size: throttled to maxFps, only what changed
 * written); `testing` is ink-testing-library (debug mode: every render written whole, unthrottled).
 */
export type RenderPath = 'terminal' | 'testing';

export interface MountOptions {
  readonly columns?: number;
  readonly rows?: number;
  readonly path?: RenderPath;
}

/**
 * The real App on a real file, drawn as `path` says. Each frame is timestamped at the write that
 * completes it (in the terminal path, Ink's write of the changed lines inside a synchronized-output
 * pair); the screen is rebuilt from the writes as a terminal would show it. Only the latest screen
 * is kept, so a long scroll measures the console's memory, not the harness's.
 */
export function mountConsole(conn: Connection, initialScreen: string, o: MountOptions = {}) {
  const { columns = 120, rows = 40, path = 'terminal' } = o;
  let frame = '';
  let frameAt = 0;
  let count = 0;
  /** when press() wrote its latest key */
  let keyAt = 0;
  /** Ink's renders (each a whole frame built from the tree) and the time they took, in the terminal path */
  const renders = { count: 0, ms: 0 };
  const started = performance.now();
  const app = React.createElement(App, {
    db: conn.db,
    sqlite: conn.sqlite,
    path: conn.path,
    readOnly: conn.readOnly,
    operator: { id: 'U_BENCH', role: 'admin', known: false, active: true, readOnly: false },
    theme: colourTheme,
    pollMs: 2000,
    initialScreen,
  });
  let stdin: { write(s: string): void };
  let frameOf: () => string;
  let stop: () => void;
  if (path === 'terminal') {
    const screen = new ScreenModel(rows);
    let dirty = false;
    const tty = new FakeTty(columns, rows, (s) => {
      screen.write(s);
      if (s === BSU) return;
      dirty = true;
      frameAt = performance.now();
      count++;
    });
    const input = new FakeStdin();
    const instance = inkRender(app, {
      stdout: tty as unknown as NodeJS.WriteStream,
      stdin: input as unknown as NodeJS.ReadStream,
      stderr: tty as unknown as NodeJS.WriteStream,
      exitOnCtrlC: false,
      patchConsole: false,
      ...INK_RENDER_OPTIONS,
      onRender: ({ renderTime }) => {
        renders.count++;
        renders.ms += renderTime;
      },
    });
    const read = (): string => {
      if (dirty) {
        frame = screen.snapshot();
        dirty = false;
      }
      return frame;
    };
    frameOf = read;
    stdin = input;
    stop = () => {
      instance.unmount();
      instance.cleanup();
    };
  } else {
    const ink = testingRender(app);
    const stdout = ink.stdout as unknown as { write: (f: string) => void; frames: string[]; emit: (e: string) => void };
    Object.defineProperty(stdout, 'columns', { get: () => columns, configurable: true });
    Object.defineProperty(stdout, 'rows', { get: () => rows, configurable: true });
    stdout.write = (f: string) => {
      frame = strip(f);
      frameAt = performance.now();
      count++;
    };
    stdout.frames.length = 0;
    stdout.emit('resize');
    frameOf = () => frame;
    stdin = ink.stdin;
    stop = () => {
      ink.unmount();
      ink.cleanup();
    };
  }

  /** Waits until the latest frame passes `ok`; returns when that frame was written. */
  async function until(ok: (f: string) => boolean, ms = 30_000): Promise<number> {
    const end = performance.now() + ms;
    while (!ok(frameOf())) {
      if (performance.now() > end) throw new Error(`timed out; the last frame was:\n${frameOf()}`);
      await tick();
    }
    return frameAt;
  }

  /** Waits until no frame has come for `quietMs`; returns the time of the last one. */
  async function settle(quietMs = 60, ms = 30_000): Promise<number> {
    const end = performance.now() + ms;
    let seen = count;
    let since = performance.now();
    while (performance.now() - since < quietMs) {
      if (performance.now() > end) break;
      await new Promise((r) => setTimeout(r, 2));
      if (count !== seen) {
        seen = count;
        since = performance.now();
      }
    }
    return frameAt;
  }

  return {
    started,
    frame: () => frameOf(),
    /** when press() wrote its latest key (to time a later frame from it) */
    keyAt: (): number => keyAt,
    /** Ink's renders so far and their total time (terminal path only) */
    renders: (): { count: number; ms: number } => ({ ...renders }),
    until,
    settle,
    /**
     * ms from the key to the frame that answers it: the first frame that passes `answered`, or,
     * without it, the last one before the app goes quiet (a key may commit twice in one turn).
     * Settles either way, so the next key starts from a quiet app.
     */
    async press(key: string, answered?: (f: string) => boolean): Promise<number> {
      await settle(30);
      const before = count;
      const t = performance.now();
      keyAt = t;
      stdin.write(key);
      const first = await until((f) => count > before && (answered === undefined || answered(f)), 10_000);
      const last = await settle();
      return (answered ? first : last) - t;
    },
    /** A key whose answer is not timed and may be none (PgDn on the last page): settles after it. */
    async nudge(key: string): Promise<void> {
      stdin.write(key);
      await settle(30);
    },
    /** writes a key and waits only until the frame changes (a long scroll) */
    async pressFast(key: string, before: string): Promise<void> {
      stdin.write(key);
      await until((f) => f !== before, 10_000);
    },
    async type(text: string): Promise<void> {
      for (const ch of text) {
        stdin.write(ch);
        await settle(20);
      }
    },
    unmount: (): void => stop(),
  };
}
