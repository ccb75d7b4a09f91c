import React from 'react';
import { render } from 'ink-testing-library';
import type { Connection } from '../../db/connection.js';
import { App } from '../app/App.js';
import { colourTheme } from '../../components/theme/tokens.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
export const strip = (s: string): string => s.replace(ANSI, '');

export const KEYS = {
  down: '\u001b[B', up: '\u001b[A', pageDown: '\u001b[6~', pageUp: '\u001b[5~', home: '\u001b[H', end: '\u001b[F', enter: '\r', esc: '\u001b',
} as const;

/** A list's first frame with data: the position indicator ("1-50 of ~1,000,000", "12 rows"). */
export const hasListData = (f: string): boolean => /\b\d[\d,]*-[\d,]+( of|\s*$)|\b\d[\d,]* rows\b/m.test(f);
/** The position with an exact total: the background count has finished. */
export const countDone = (f: string): boolean => / of [\d,]+/.test(f) && !/ of ~/.test(f);

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

/**
 * The real App on a real file inside ink-testing-library (Ink's debug mode writes every frame
 * at once, unthrottled): each frame is timestamped as Ink writes it. Only the latest frame is
 * kept, so a long scroll measures the console's memory, not the harness's.
 */
export function mountConsole(conn: Connection, initialScreen: string, columns = 120, rows = 40) {
  let frame = '';
  let frameAt = 0;
  let count = 0;
  const started = performance.now();
  const ink = render(
    React.createElement(App, {
      db: conn.db, sqlite: conn.sqlite, path: conn.path, readOnly: conn.readOnly,
      operator: { id: 'U_BENCH', role: 'admin', known: false, active: true, readOnly: false },
      theme: colourTheme, pollMs: 2000, initialScreen,
    }),
  );
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

  /** Waits until the latest frame passes `ok`; returns when that frame was written. */
  async function until(ok: (f: string) => boolean, ms = 30_000): Promise<number> {
    const end = performance.now() + ms;
    while (!ok(frame)) {
      if (performance.now() > end) throw new Error(`timed out; the last frame was:\n${frame}`);
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
    frame: () => frame,
    until,
    settle,
    /** ms from the key to the frame that answers it (the last one before the app goes quiet) */
    async press(key: string): Promise<number> {
      await settle(30);
      const before = count;
      const t = performance.now();
      ink.stdin.write(key);
      await until(() => count > before, 10_000);
      return (await settle()) - t;
    },
    /** writes a key and waits only until the frame changes (a long scroll) */
    async pressFast(key: string, before: string): Promise<void> {
      ink.stdin.write(key);
      await until((f) => f !== before, 10_000);
    },
    async type(text: string): Promise<void> {
      for (const ch of text) {
        ink.stdin.write(ch);
        await settle(20);
      }
    },
    unmount: (): void => {
      ink.unmount();
      ink.cleanup();
    },
  };
}
