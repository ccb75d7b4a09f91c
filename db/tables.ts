import { sqliteTable, getTableConfig, type SQLiteColumnBuilderBase, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getTableColumns } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import * as s from './schema/index.js';
import { readShape, readSchemaVersion, type DatabaseShape } from './shape.js';
import { SchemaMismatchError } from './errors.js';

/** Each managed table: its full-schema object and the factory of its column builders. */
const definitions = {
  projects: { table: s.projects, columns: s.projectColumns },
  tasks: { table: s.tasks, columns: s.taskColumns },
  sessions: { table: s.sessions, columns: s.sessionColumns },
  users: { table: s.users, columns: s.userColumns },
  userProjectPermissions: { table: s.userProjectPermissions, columns: s.userProjectPermissionColumns },
  auditLogs: { table: s.auditLogs, columns: s.auditLogColumns },
  offlineQueue: { table: s.offlineQueue, columns: s.offlineQueueColumns },
  apiKeys: { table: s.apiKeys, columns: s.apiKeyColumns },
  promptHistory: { table: s.promptHistory, columns: s.promptHistoryColumns },
  netsuiteConfigs: { table: s.netsuiteConfigs, columns: s.netsuiteConfigColumns },
  scheduledTasks: { table: s.scheduledTasks, columns: s.scheduledTaskColumns },
} as const;

export type TableKey = keyof typeof definitions;
type FullTable<K extends TableKey> = (typeof definitions)[K]['table'];

/** A managed table as this file has it: a drizzle object naming only the columns present. */
export interface ShapedTable<K extends TableKey> {
  readonly key: K;
  readonly name: string;
  readonly exists: boolean;
  /** Typed as the full table; at run time it holds only the present columns. */
  readonly table: FullTable<K>;
  /** Property names (camelCase) of the schema columns the file lacks. */
  readonly missing: ReadonlySet<string>;
}

export type ShapedTables = { readonly [K in TableKey]: ShapedTable<K> };

interface Cached {
  version: number;
  shape: DatabaseShape;
  tables: ShapedTables;
}
const cache = new WeakMap<Database.Database, Cached>();

function builderName(b: SQLiteColumnBuilderBase): string {
  return (b as unknown as { config: { name: string } }).config.name;
}

function shapeOne<K extends TableKey>(key: K, shape: DatabaseShape): ShapedTable<K> {
  const def = definitions[key];
  const name = getTableConfig(def.table as SQLiteTable).name;
  const present = shape.tables.get(name);
  if (!present) return { key, name, exists: false, table: def.table, missing: new Set(Object.keys(getTableColumns(def.table))) };
  const builders = def.columns() as Record<string, SQLiteColumnBuilderBase>;
  const kept: Record<string, SQLiteColumnBuilderBase> = {};
  const missing = new Set<string>();
  for (const [prop, b] of Object.entries(builders)) {
    if (present.has(builderName(b))) kept[prop] = b;
    else missing.add(prop);
  }
  const table = (missing.size === 0 ? def.table : sqliteTable(name, kept)) as FullTable<K>;
  return { key, name, exists: true, table, missing };
}

function build(shape: DatabaseShape): ShapedTables {
  const out = {} as Record<TableKey, ShapedTable<TableKey>>;
  for (const key of Object.keys(definitions) as TableKey[]) out[key] = shapeOne(key, shape);
  return out as unknown as ShapedTables;
}

/**
 * The table objects for this connection's file, rebuilt whenever its schema changes
 * (the service's boot DDL or `migrate` may add columns while we are open).
 */
export function shapedTables(sqlite: Database.Database): ShapedTables {
  const version = readSchemaVersion(sqlite);
  let c = cache.get(sqlite);
  if (!c || c.version !== version) {
    const shape = readShape(sqlite);
    c = { version: shape.schemaVersion, shape, tables: build(shape) };
    cache.set(sqlite, c);
  }
  return c.tables;
}

export function currentShape(sqlite: Database.Database): DatabaseShape {
  shapedTables(sqlite);
  return cache.get(sqlite)!.shape;
}

/** Fills the fields of columns the file lacks with their schema defaults (or null). */
export function withDefaults<K extends TableKey>(t: ShapedTable<K>, row: object): FullTable<K>['$inferSelect'] {
  if (t.missing.size === 0) return row as FullTable<K>['$inferSelect'];
  const cols = getTableColumns(definitions[t.key].table) as Record<string, { default?: unknown }>;
  const out: Record<string, unknown> = { ...row };
  for (const prop of t.missing) out[prop] = cols[prop]?.default ?? null;
  return out as FullTable<K>['$inferSelect'];
}

/** Refuses a write that needs a table or column the file lacks, naming `migrate`. */
export function assertWritable<K extends TableKey>(t: ShapedTable<K>, values?: object): void {
  if (!t.exists) throw new SchemaMismatchError(`table ${t.name}`);
  if (!values) return;
  const cols = getTableColumns(definitions[t.key].table) as Record<string, { name: string; default?: unknown }>;
  for (const [prop, v] of Object.entries(values)) {
    if (v === undefined || v === null || !t.missing.has(prop)) continue;
    if (v === cols[prop]?.default) continue;
    throw new SchemaMismatchError(`column ${t.name}.${cols[prop]?.name ?? prop}`);
  }
}
