import { useEffect } from 'react';
import type Database from 'better-sqlite3';
import { advanceTimeOrder } from '../../db/views/time-order.js';
import { msSinceLastKey } from './keypress-bus.js';

/** between two slices of a scan under way */
const STEP_MS = 20;
/** how often to look for a scan to do when none is under way (a list opened since) */
const IDLE_MS = 250;
/** a slice waits this long after a key: keys come in runs, and each key's frame comes first */
const QUIET_MS = 150;

/**
 * Runs the time column check of the lists (db/views/time-order.ts) one slice at a time in idle
 * time, never on a key's page read. `onChange` is called when a slice finds a foreign time:
 * the lists sorted on that column then sort by the instant, so they should be read again.
 */
export function useTimeOrderScan(sqlite: Database.Database, onChange: () => void): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = (ms: number): void => {
      timer = setTimeout(tick, ms);
      timer.unref?.();
    };
    const tick = (): void => {
      if (!sqlite.open) return;
      const quiet = msSinceLastKey();
      if (quiet < QUIET_MS) return later(QUIET_MS - quiet);
      const step = advanceTimeOrder(sqlite);
      if (step.changed) onChange();
      later(step.more ? STEP_MS : IDLE_MS);
    };
    later(IDLE_MS);
    return () => clearTimeout(timer);
  }, [sqlite, onChange]);
}
