import type Database from 'better-sqlite3';

/** Changes whenever ANOTHER connection commits; costs microseconds, so it can be polled every second. */
export const dataVersion = (sqlite: Database.Database): number => sqlite.pragma('data_version', { simple: true }) as number;
