import React from 'react';
import { render } from 'ink-testing-library';
import { expect } from 'vitest';
import type { Connection } from '../../db/connection.js';
import type { Operator } from '../../db/operator.js';
import { App } from '../../src/app/App.js';
import { colourTheme, type Theme } from '../../components/theme/tokens.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
export const strip = (s: string | undefined): string => (s ?? '').replace(ANSI, '');

export const KEYS = {
  down: '\u001b[B',
  up: '\u001b[A',
  left: '\u001b[D',
  right: '\u001b[C',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
  home: '\u001b[H',
  end: '\u001b[F',
  enter: '\r',
  esc: '\u001b',
  ctrlC: '\u0003',
  ctrlF: '\u0006',
  ctrlB: '\u0002',
  backspace: '\u007f',
} as const;

export const adminOperator: Operator = { id: 'U_ADMIN', role: 'admin', known: false, active: true, readOnly: false };

export interface DriverOptions {
  operator?: Operator;
  columns?: number;
  rows?: number;
  pollMs?: number;
  theme?: Theme;
  initialScreen?: string;
}

/**
 * How long a wait may take before the test fails. A screen's modules load the first time it opens
 * (in tests unbundled, transformed on import): under CI's load the schedule form, which brings
 * croner, cronstrue, chrono-node and luxon, took over 4 s to appear. A passing wait returns at once.
 */
const WAIT_MS = 10_000;

async function until(check: () => boolean, what: () => string, ms = WAIT_MS): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  // A frame is written during React's commit, its passive effects (input handlers among them) a tick later.
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setTimeout(r, 0));
}

/** The console in ink-testing-library on a real database: keys in, frames (colours stripped) out. */
export async function startConsole(conn: Connection, o: DriverOptions = {}) {
  let columns = o.columns ?? 100;
  let rows = o.rows ?? 30;
  const ink = render(
    <App
      db={conn.db}
      sqlite={conn.sqlite}
      path={conn.path}
      readOnly={conn.readOnly}
      operator={o.operator ?? adminOperator}
      theme={o.theme ?? colourTheme}
      pollMs={o.pollMs ?? 100}
      initialScreen={o.initialScreen}
    />,
  );
  const stdout = ink.stdout as unknown as NodeJS.EventEmitter & { columns: number; rows: number };
  Object.defineProperty(stdout, 'columns', { get: () => columns, configurable: true });
  Object.defineProperty(stdout, 'rows', { get: () => rows, configurable: true });
  stdout.emit('resize');
  const frame = (): string => strip(ink.lastFrame());
  // The first key written before Ink listens to stdin is lost.
  await until(
    () => ink.stdin.listenerCount('readable') > 0,
    () => 'the input handler',
  );

  const driver = {
    ink,
    frame,
    lines: (): string[] => frame().split('\n'),
    /** waits until the frame shows `text` (a string or a test) */
    async waitFor(text: string | ((f: string) => boolean), ms?: number): Promise<string> {
      const ok = typeof text === 'string' ? (f: string) => f.includes(text) : text;
      await until(
        () => ok(frame()),
        () => `${String(text)} in:\n${frame()}`,
        ms,
      );
      return frame();
    },
    /** writes a key, then waits for the frame to change (or to show `expect`) */
    async press(key: string, expectText?: string | ((f: string) => boolean)): Promise<string> {
      const before = ink.frames.length;
      const last = frame();
      ink.stdin.write(key);
      if (expectText) return driver.waitFor(expectText);
      await until(
        () => ink.frames.length > before && frame() !== last,
        () => `a new frame after ${JSON.stringify(key)}:\n${last}`,
      );
      return frame();
    },
    /** writes a key that may leave the frame as it is, and lets the app settle */
    async tap(key: string): Promise<string> {
      ink.stdin.write(key);
      await until(
        () => true,
        () => '',
      );
      return frame();
    },
    /** types text key by key; a space may not change the frame (trailing blanks are trimmed) */
    async type(text: string): Promise<string> {
      for (const ch of text) {
        if (ch !== ' ') await driver.press(ch);
        else await driver.tap(ch);
      }
      return frame();
    },
    /** resizes the terminal, then waits until the frame shows `text` */
    async resize(c: number, r: number, text: string | ((f: string) => boolean)): Promise<string> {
      columns = c;
      rows = r;
      stdout.emit('resize');
      return driver.waitFor(text);
    },
    unmount: () => ink.unmount(),
  };
  return driver;
}

/** Every frame line fits the terminal: the frame is at most rows-1 lines. */
export function expectFits(frame: string, rows: number): void {
  expect(frame.split('\n').length).toBeLessThanOrEqual(rows - 1);
}
