import React, { useEffect, useState } from 'react';
import { describe, it, expect } from 'vitest';
import { render } from 'ink-testing-library';
import { Text } from 'ink';
import { lazyScreen } from '../../src/app/lazy-screen.js';
import type { ScreenProps } from '../../src/app/screen-props.js';

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const Loaded = (): React.JSX.Element => <Text>the screen</Text>;
const props = {} as ScreenProps;

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 10));
}

describe('lazyScreen', () => {
  it('draws the screen when its module arrives between the render that opens it and its effect', async () => {
    // A preload (App starts them 400 ms after the first frame) still loading when a key opens the
    // screen, and landing in the gap React leaves between that render and its passive effects:
    // CI once showed a task detail left blank for 10 s.
    const load = deferred<typeof Loaded>();
    const Screen = lazyScreen(() => load.promise);
    void Screen.preload();
    const nav: { open?: (yes: boolean) => void } = {};
    function LandsNow(): null {
      load.resolve(Loaded); // during the render: the module's then runs before the effects
      return null;
    }
    function Navigator(): React.JSX.Element {
      const [opened, setOpened] = useState(false);
      useEffect(() => void (nav.open = setOpened), []);
      return opened ? (
        <>
          <LandsNow />
          <Screen {...props} />
        </>
      ) : (
        <Text>the list</Text>
      );
    }
    const ink = render(<Navigator />);
    await settle();
    nav.open?.(true); // as a key's handler does: an update, whose effects React runs a task later
    await settle();
    expect(ink.lastFrame()).toContain('the screen');
    ink.unmount();
  });

  it('draws the screen when its module arrives after the effect, and says why when it fails', async () => {
    const load = deferred<typeof Loaded>();
    const Screen = lazyScreen(() => load.promise);
    const ink = render(<Screen {...props} />);
    await settle();
    expect(ink.lastFrame()).toBe('');
    load.resolve(Loaded);
    await settle();
    expect(ink.lastFrame()).toContain('the screen');
    ink.unmount();

    const Broken = lazyScreen(() => Promise.reject(new Error('chunk missing')));
    const broken = render(<Broken {...props} />);
    await settle();
    expect(broken.lastFrame()).toContain('cannot load this screen: chunk missing');
    broken.unmount();
  });
});
