import os from 'node:os';
import Database from 'better-sqlite3';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly sqlite: string;
  readonly betterSqlite3: string;
  readonly platform: string;
  readonly load: readonly number[];
}

/** What the numbers were measured on; the load matters (the cores are shared). */
export function describeMachine(betterSqlite3Version: string): Machine {
  const probe = new Database(':memory:');
  const sqlite = String(probe.prepare('SELECT sqlite_version()').pluck().get());
  probe.close();
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    sqlite,
    betterSqlite3: betterSqlite3Version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    load: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

export const machineLine = (m: Machine, loadNow: readonly number[] = os.loadavg()): string =>
  `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB; ${m.platform}; node ${m.node}, SQLite ${m.sqlite} (better-sqlite3 ${m.betterSqlite3}); ` +
  `load average ${m.load.join(' / ')} at the start, ${loadNow.map((n) => n.toFixed(2)).join(' / ')} at the end`;
