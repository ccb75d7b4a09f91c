import { beforeAll } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openDatabase, type Connection } from '../../db/connection.js';
import { generateDemo } from '../../src/demo/generate.js';

/**
 * A demo database (the real generator, `scale` of the full demo) in a temp folder for a test
 * file: made before its tests, closed and removed after them. Call at the file's top; read the
 * connection inside tests.
 */
export function demoConnection(name: string, scale: number, seed: number): () => Connection {
  let conn: Connection | undefined;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), `bematic-${name}-`));
    const path = join(dir, 'demo.db');
    generateDemo(path, { scale, seed, now: Date.now() });
    conn = openDatabase({ path });
    return () => {
      conn?.close();
      rmSync(dir, { recursive: true, force: true });
    };
  });
  return () => {
    if (!conn) throw new Error('the demo database is made in beforeAll: read it inside a test');
    return conn;
  };
}
