import Database from 'better-sqlite3';
import type { Operator } from '../../../db/operator.js';
import type { Connection } from '../../../db/connection.js';
import { afterEach } from 'vitest';

export function operator(over: Partial<Operator> = {}): Operator {
  return { id: 'U_ADMIN', role: 'admin', known: false, active: true, readOnly: false, ...over };
}

export type Snapshot = Map<string, Map<number, string>>;

/** Every row of every table by rowid, for "nothing else was touched". */
export function snapshot(sqlite: Database.Database): Snapshot {
  const names = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const out: Snapshot = new Map();
  for (const n of names) {
    const rows = sqlite.prepare(`SELECT rowid AS __rowid, * FROM "${n}"`).all() as { __rowid: number }[];
    out.set(n, new Map(rows.map((r) => [r.__rowid, JSON.stringify(r)])));
  }
  return out;
}

/** Per table, how many rows were changed, added or removed between two snapshots. */
export function changes(before: Snapshot, after: Snapshot): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, rows] of after) {
    const old = before.get(name) ?? new Map<number, string>();
    let n = 0;
    for (const [id, r] of rows) if (old.get(id) !== r) n++;
    for (const id of old.keys()) if (!rows.has(id)) n++;
    if (n) out[name] = n;
  }
  return out;
}

const others: Database.Database[] = [];
afterEach(() => {
  while (others.length) others.pop()!.close();
});

/** A second connection to the same file: the running service writing in between. */
export function service(conn: Connection): Database.Database {
  const s = new Database(conn.path, { timeout: 5000 });
  others.push(s);
  return s;
}

export function auditRows(sqlite: Database.Database): { action: string; user_id: string | null; resource_type: string; resource_id: string | null; metadata: string }[] {
  return sqlite.prepare('SELECT action, user_id, resource_type, resource_id, metadata FROM audit_logs ORDER BY id').all() as never;
}
