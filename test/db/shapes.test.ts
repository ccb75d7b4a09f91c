import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { getTableColumns } from 'drizzle-orm';
import { openDatabase, type Connection } from '../../db/connection.js';
import { shapedTables, withDefaults, assertWritable, type TableKey } from '../../db/tables.js';
import { SchemaMismatchError } from '../../db/errors.js';
import { referenceSchema } from '../../db/migrate/reference.js';
import * as schema from '../../db/schema/index.js';
import { serviceColumns } from '../fixtures/service-ddl.js';
import { SHAPE_VARIANTS, type ShapeVariant } from '../fixtures/variants.js';

const TABLE_KEYS: readonly TableKey[] = [
  'projects',
  'tasks',
  'sessions',
  'users',
  'userProjectPermissions',
  'auditLogs',
  'offlineQueue',
  'apiKeys',
  'promptHistory',
  'netsuiteConfigs',
  'scheduledTasks',
];

/** What the file should lack: the schema's columns that the service of that age never added. */
function expectedMissing(v: ShapeVariant): Map<string, string[] | 'table'> {
  const out = new Map<string, string[] | 'table'>();
  if (v.complete) return out;
  const known = serviceColumns(v.age);
  for (const t of referenceSchema().tables) {
    const cols = known.get(t.name);
    if (!cols) out.set(t.name, 'table');
    else {
      const lacking = t.columns.map((c) => c.name).filter((c) => !cols.includes(c));
      if (lacking.length) out.set(t.name, lacking);
    }
  }
  return out;
}

function readsEveryTable(conn: Connection, v: ShapeVariant): void {
  const tables = shapedTables(conn.sqlite);
  const missing = expectedMissing(v);
  for (const key of TABLE_KEYS) {
    const t = tables[key];
    expect(t.exists, t.name).toBe(missing.get(t.name) !== 'table');
    if (!t.exists) continue;
    const raw = conn.sqlite.prepare(`SELECT * FROM "${t.name}" ORDER BY rowid`).all() as Record<string, unknown>[];
    const rows = conn.db
      .select()
      .from(t.table)
      .orderBy(t.table.id)
      .all()
      .map((r) => withDefaults(t, r)) as Record<string, unknown>[];
    expect(rows.length, t.name).toBe(raw.length);
    expect(rows.map((r) => r.id).sort(), t.name).toEqual(raw.map((r) => r.id).sort());
    const full = Object.keys(getTableColumns(schema[key]));
    for (const r of rows) expect(Object.keys(r).sort(), t.name).toEqual([...full].sort());
  }
}

describe.each(SHAPE_VARIANTS)('$label', (v) => {
  test('opens read-only, reads every managed table with defaults for what it lacks, and is left byte-identical', () => {
    const path = v.make();
    const bytes = readFileSync(path);
    const conn = openDatabase({ path, readOnly: true });
    readsEveryTable(conn, v);
    const projects = shapedTables(conn.sqlite).projects;
    const rows = conn.db
      .select()
      .from(projects.table)
      .all()
      .map((r) => withDefaults(projects, r));
    if (v.age < 5 && !v.complete) expect(rows.map((p) => p.autoCommitPush)).toEqual([false, false]);
    if (v.age < 7 && !v.complete) expect(rows.map((p) => p.isNetsuite)).toEqual([false, false]);
    if (v.age < 2 && !v.complete) expect(rows.map((p) => p.railwayProjectId)).toEqual([null, null]);
    conn.close();
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  test('opens read-write, reads the same, and refuses exactly the writes that need what is missing', () => {
    const conn = openDatabase({ path: v.make() });
    readsEveryTable(conn, v);
    const tables = shapedTables(conn.sqlite);
    const missing = expectedMissing(v);
    for (const key of TABLE_KEYS) {
      const t = tables[key];
      const lacking = missing.get(t.name);
      if (lacking === 'table') {
        expect(() => assertWritable(t), t.name).toThrow(SchemaMismatchError);
        expect(() => assertWritable(t), t.name).toThrow(/bematic-console migrate/);
      } else {
        expect(() => assertWritable(t), t.name).not.toThrow();
        expect([...t.missing].length, t.name).toBe(lacking?.length ?? 0);
      }
    }
    if (missing.has('projects')) {
      expect(() => assertWritable(tables.projects, { isNetsuite: true })).toThrow(/projects\.is_netsuite is missing.*bematic-console migrate/);
    } else {
      expect(() => assertWritable(tables.projects, { isNetsuite: true, autoCommitPush: true })).not.toThrow();
    }
    // a write naming only columns every age has succeeds on every shape
    conn.db.insert(tables.auditLogs.table).values({ action: 'shape:probe', resourceType: 'test', metadata: '{}', timestamp: new Date().toISOString() }).run();
    expect(conn.sqlite.prepare("SELECT count(*) FROM audit_logs WHERE action = 'shape:probe'").pluck().get()).toBe(1);
    conn.close();
  });
});
