import React, { useEffect, type ReactNode } from 'react';
import { useApp } from 'ink';
import type Database from 'better-sqlite3';
import type { DB } from '../../db/connection.js';
import type { Operator } from '../../db/operator.js';
import { ThemeProvider, type Theme } from '../../components/theme/index.js';
import { KeypressProvider } from './keypress-bus.js';
import { ServicesProvider } from './services.js';
import { LiveProvider } from './live.js';
import { FlashProvider, FlashUndoKey, useFlash } from './flash.js';
import { NavigationProvider } from './navigation.js';
import { Shell } from './Shell.js';
import { RedrawOnResume, type TerminalControl } from './terminal.js';
import { preloadScreens } from './screens.js';

export interface AppProps {
  readonly db: DB;
  readonly sqlite: Database.Database;
  readonly path: string;
  readonly readOnly: boolean;
  readonly operator: Operator;
  readonly theme: Theme;
  /** how often to look for other processes' writes (PRAGMA data_version) */
  readonly pollMs?: number;
  readonly initialScreen?: string;
  /** Ctrl-Z and `fg`: absent in tests, where keys suspend nothing */
  readonly terminal?: TerminalControl;
}

/** Ctrl-C leaves through Ink's exit, so console.ts restores the terminal in one place. */
function Keys({ children, terminal }: { children: ReactNode; terminal?: TerminalControl }) {
  const { exit } = useApp();
  const { clear } = useFlash();
  return (
    <KeypressProvider onInterrupt={() => exit()} onSuspend={terminal ? () => terminal.suspend() : undefined} onKey={clear}>
      {children}
    </KeypressProvider>
  );
}

/**
 * The screens' modules load after the first frame with data: a key is then answered at once. The
 * wait leaves the dashboard's first reads and frames alone (the bundle loads them in tens of ms).
 */
const PRELOAD_AFTER_MS = 400;

/** The interactive console: providers around the shell. */
export function App({ db, sqlite, path, readOnly, operator, theme, pollMs, initialScreen = 'dashboard', terminal }: AppProps) {
  useEffect(() => {
    const timer = setTimeout(() => void preloadScreens(), PRELOAD_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <ThemeProvider theme={theme}>
      <ServicesProvider value={{ db, path, readOnly, operator }}>
        <LiveProvider sqlite={sqlite} pollMs={pollMs}>
          <FlashProvider>
            <Keys terminal={terminal}>
              <RedrawOnResume terminal={terminal} />
              <NavigationProvider initial={initialScreen}>
                <Shell />
                <FlashUndoKey />
              </NavigationProvider>
            </Keys>
          </FlashProvider>
        </LiveProvider>
      </ServicesProvider>
    </ThemeProvider>
  );
}
