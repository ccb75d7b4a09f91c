import React, { useState } from 'react';
import { render, Text, Box, Transform, useInput } from 'ink';
import { INK_RENDER_OPTIONS } from '../app/render-options.js';
import { ELLIPSIS, restoreEllipsis, standInFor } from '../../components/text/ascii-line.js';
import { BSU, FakeStdin, FakeTty } from './fake-terminal.js';

/**
 * The floor of a key press on a list: Ink alone, with the console's render options on the same
 * terminal, drawing a screen of the same lines (one `<Text>` each, the frame a list screen showed)
 * and moving a `>` marker one line per key, each line measured on ASCII as the console's rows are
 * (components/text/ascii-line.ts). What is left above it is the console's own work: the key
 * routing, React rendering the screen, the query, and the richer text (colours, columns).
 */
const same = (line: string): string => line;
/** presses first, untimed: the console's own figures come after a warm-up too */
const WARM_UP = 10;

export async function inkFloor(lines: readonly string[], columns: number, rows: number, presses: number): Promise<number[]> {
  let frameAt = 0;
  let count = 0;
  const tty = new FakeTty(columns, rows, (s) => {
    if (s === BSU) return;
    frameAt = performance.now();
    count++;
  });
  const stdin = new FakeStdin();
  function Screen() {
    const [at, setAt] = useState(0);
    useInput(() => setAt((n) => (n + 1) % lines.length));
    return React.createElement(
      Box,
      { flexDirection: 'column' },
      ...lines.map((l, i) => {
        const text = (i === at ? '> ' : '  ') + l.slice(2);
        const standIn = text.includes(ELLIPSIS) ? standInFor([text]) : null;
        const line = React.createElement(Text, { inverse: i === at, wrap: 'truncate-end' }, standIn === null ? text : text.replaceAll(ELLIPSIS, standIn));
        return React.createElement(Transform, { key: i, transform: standIn === null ? same : restoreEllipsis(standIn) }, line);
      }),
    );
  }
  const ink = render(React.createElement(Screen), {
    stdout: tty as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: tty as unknown as NodeJS.WriteStream,
    exitOnCtrlC: false,
    patchConsole: false,
    ...INK_RENDER_OPTIONS,
  });
  const quiet = async (): Promise<void> => {
    let seen = -1;
    while (seen !== count) {
      seen = count;
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const times: number[] = [];
  try {
    await quiet();
    for (let i = 0; i < presses + WARM_UP; i++) {
      const before = count;
      const t = performance.now();
      stdin.write('j');
      while (count === before) await new Promise((r) => setImmediate(r));
      await quiet();
      if (i >= WARM_UP) times.push(frameAt - t);
    }
  } finally {
    ink.unmount();
    ink.cleanup();
  }
  return times;
}
