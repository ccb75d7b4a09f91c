import React, { createContext, useCallback, useContext, useEffect, useMemo, useReducer, type ReactNode } from 'react';
import type Database from 'better-sqlite3';
import { dataVersion } from '../../db/views/data-version.js';
import { useTimeOrderScan } from './use-time-order-scan.js';

export interface Live {
  /** changes whenever the data may have changed: read again when it does */
  readonly version: number;
  /** read again now: `r`, and after the console's own writes */
  readonly refresh: () => void;
}

const LiveContext = createContext<Live>({ version: 0, refresh: () => {} });

/** Polls PRAGMA data_version (microseconds) so writes by the service show within a poll; runs the lists' time column check in idle time. */
export function LiveProvider({ sqlite, pollMs = 1000, children }: { sqlite: Database.Database; pollMs?: number; children: ReactNode }) {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    let seen = dataVersion(sqlite);
    const timer = setInterval(() => {
      if (!sqlite.open) return;
      const now = dataVersion(sqlite);
      if (now !== seen) {
        seen = now;
        bump();
      }
    }, pollMs);
    return () => clearInterval(timer);
  }, [sqlite, pollMs]);
  const refresh = useCallback(() => bump(), []);
  // the lists' time column check goes on between keys; a foreign time found makes them read again
  useTimeOrderScan(sqlite, refresh);
  const live = useMemo(() => ({ version, refresh }), [version, refresh]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

export const useLive = (): Live => useContext(LiveContext);
