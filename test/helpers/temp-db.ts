import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openDatabase, type Connection } from '../../db/connection.js';
import { pushSchema } from '../../db/migrate/push-schema.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh temp folder, removed after the test. */
export function tempDir(prefix = 'bematic-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A real SQLite file in a temp folder with the full schema, opened read-write. */
export function freshDatabase(): Connection {
  const path = join(tempDir(), 'bematic.db');
  const conn = openDatabase({ path, create: true });
  pushSchema(conn.sqlite);
  cleanups.unshift(() => conn.close());
  return conn;
}

/** An empty SQLite file path in a temp folder (not yet created). */
export function tempDbPath(name = 'bematic.db'): string {
  return join(tempDir(), name);
}
