import React from 'react';
import { describe, it, expect, afterEach } from 'vitest';
import { render } from 'ink-testing-library';
import { demoConnection } from './demo-console.js';
import { App } from '../../src/app/App.js';
import type { TerminalControl } from '../../src/app/terminal.js';
import { colourTheme } from '../../components/theme/tokens.js';
import { keymapMarkdown } from '../../src/keymap/keymap.js';
import { startConsole, adminOperator, strip } from './driver.js';

// Ctrl-Z (suspend to the shell) is a binding of the keymap like any other key: listed in the help
// and the README table, and dispatched by its command id to the terminal layer.

const conn = demoConnection('suspend', 0.001, 3);

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('Ctrl-Z in the keymap', () => {
  it('the help lists Ctrl-Z with what it does, among the keys that work everywhere', async () => {
    const c = await startConsole(conn(), { columns: 120, rows: 40 });
    stop = c.unmount;
    await c.waitFor('Latest audit events', 15_000);
    const help = await c.press('?', 'Keys');
    expect(help).toMatch(/Ctrl-z +suspend to the shell/);
  });

  it('the README table (generated from the keymap) has a row for it', () => {
    expect(keymapMarkdown()).toMatch(/\| `Ctrl-z` \| suspend to the shell/);
  });

  it('the key reaches the terminal layer, once', async () => {
    let suspended = 0;
    const terminal: TerminalControl = { suspend: () => void suspended++, onResume: () => () => undefined };
    const ink = render(<App db={conn().db} sqlite={conn().sqlite} path={conn().path} readOnly={false} operator={adminOperator} theme={colourTheme} pollMs={100} terminal={terminal} />);
    stop = () => ink.unmount();
    const end = Date.now() + 4000;
    while (!strip(ink.lastFrame()).includes('Latest audit events') || ink.stdin.listenerCount('readable') === 0) {
      if (Date.now() > end) throw new Error(`no dashboard:\n${strip(ink.lastFrame())}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    ink.stdin.write('\u001a');
    while (suspended === 0) {
      if (Date.now() > end + 4000) throw new Error('Ctrl-Z never suspended');
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(suspended).toBe(1);
  });
});
