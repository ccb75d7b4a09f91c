import React from 'react';
import { describe, it, expect, afterEach } from 'vitest';
import { render } from 'ink-testing-library';
import { Text } from 'ink';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { KeypressProvider, useKeypress } from '../../src/app/keypress-bus.js';
import { useConfirm } from '../../src/hooks/use-confirm.js';
import { strip, KEYS } from '../app/driver.js';

/** A screen with one action behind a question, and a screen key that must not fire while asking. */
function Harness({ log }: { log: string[] }) {
  const confirm = useConfirm();
  useKeypress('screen', (k) => {
    if (k.name === 'x') confirm.ask({ title: 'Delete it?', message: 'It goes for good.', onYes: () => log.push('yes') });
    else log.push(`screen:${k.name}`);
    return true;
  });
  return confirm.dialog ? <ConfirmDialog {...confirm.dialog} width={60} /> : <Text>idle</Text>;
}

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function start() {
  const log: string[] = [];
  const ink = render(
    <KeypressProvider onInterrupt={() => log.push('interrupt')}>
      <Harness log={log} />
    </KeypressProvider>,
  );
  unmount = ink.unmount;
  while (ink.stdin.listenerCount('readable') === 0) await new Promise((r) => setTimeout(r, 5));
  // A key waits its turn (the one before has rendered; src/app/key-stream.ts): wait for the frame
  // it changes, or a while when it changes none, then for its effects.
  const press = async (key: string) => {
    const before = ink.frames.length;
    ink.stdin.write(key);
    for (let i = 0; i < 20 && ink.frames.length === before; i++) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 0));
    return strip(ink.lastFrame());
  };
  return { log, press };
}

describe('confirmation dialog', () => {
  it('opens with No selected, and Enter on it does nothing', async () => {
    const { log, press } = await start();
    const f = await press('x');
    expect(f).toMatch(/> No \(n\)/);
    expect(f).toMatch(/ {2}Yes \(y\)/);
    expect(await press(KEYS.enter)).toContain('idle');
    expect(log).toEqual([]);
  });

  it('y confirms; n and Esc leave it', async () => {
    const { log, press } = await start();
    await press('x');
    await press('n');
    await press('x');
    await press(KEYS.esc);
    expect(log).toEqual([]);
    await press('x');
    expect(await press('y')).toContain('idle');
    expect(log).toEqual(['yes']);
  });

  it('takes every key while open: nothing reaches the screen beneath, except Ctrl-C', async () => {
    const { log, press } = await start();
    await press('x');
    await press('j');
    await press('q');
    await press(KEYS.ctrlC);
    expect(log).toEqual(['interrupt']);
    await press(KEYS.right);
    await press(KEYS.enter);
    expect(log).toEqual(['interrupt', 'yes']);
    await press('j');
    expect(log).toEqual(['interrupt', 'yes', 'screen:j']);
  });
});
