import React, { useEffect, useState, type ComponentType } from 'react';
import { StateLine } from '../../components/StateLine.js';
import type { ScreenProps } from './screen-props.js';
import { holdKeysUntil } from './key-hold.js';

/** A screen whose module loads when it is first opened (or preloaded): see SCREENS. */
export type LazyScreen = ((props: ScreenProps) => React.JSX.Element | null) & {
  /** Starts loading the module (once); resolves when the screen can render at once. */
  preload(): Promise<unknown>;
};

/**
 * Wraps a screen's dynamic import: the console's first frame loads only the dashboard's modules
 * (the bundle makes each screen its own chunk), and the others follow after it (App preloads
 * them) or when opened. Until its module is there the screen draws nothing and the keys after the
 * one that opened it wait (key-hold.ts); a module that fails
 * to load says so on the one line where the screen would be.
 */
export function lazyScreen(load: () => Promise<ComponentType<ScreenProps>>): LazyScreen {
  let loaded: ComponentType<ScreenProps> | undefined;
  let failed: string | undefined;
  let pending: Promise<unknown> | undefined;
  const preload = (): Promise<unknown> =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => (failed = e instanceof Error ? e.message : String(e)),
    ));
  function Lazy(props: ScreenProps) {
    const [, setReady] = useState(loaded !== undefined || failed !== undefined);
    useEffect(() => {
      // The module may have landed between the render that drew nothing and this effect (React
      // runs an update's effects a task later): draw again then, or the screen stays blank.
      if (loaded || failed !== undefined) return void setReady(true);
      let live = true;
      const loading = preload().then(() => live && setReady(true));
      holdKeysUntil(loading); // the keys typed after the one that opened it are for this screen
      void loading;
      return () => {
        live = false;
      };
    }, []);
    if (loaded) return React.createElement(loaded, props);
    return failed !== undefined ? <StateLine status="error" error={`cannot load this screen: ${failed}`} /> : null;
  }
  return Object.assign(Lazy, { preload });
}
