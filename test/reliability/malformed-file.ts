import Database from 'better-sqlite3';
import { referenceSchema, type ColumnDef } from '../../db/migrate/reference.js';

type Value = string | number | null | Buffer;
const ESC = '\u001b';

/** Stored text a terminal must never interpret: clear screen, title change, colour, cursor moves, bidi override. */
export const HOSTILE_TEXT = `pwn${ESC}[2J${ESC}]0;pwned\u0007${ESC}[31mred\r\b\u202eevil\u009b6n`;

const JSON_COLUMNS = new Set(['files_changed', 'commands_run', 'tags', 'related_files', 'permissions', 'metadata', 'payload']);
const STATUS_COLUMNS = new Set(['status', 'execution_status', 'role', 'task_type', 'category']);
const SECONDS_TABLE = 'api_keys';

/** A BLOB where text, a number or a time belongs: better-sqlite3 hands it back as a Buffer. */
export const HOSTILE_BLOB = Buffer.from('blob\u001b[2J\u0000bytes');

/** Values the service, an old build or a hand edit has been seen to leave (COMPAT.md), by kind of column. */
const POOLS: Record<string, Value[]> = {
  json: [HOSTILE_BLOB, '{not json', '[1,2', 'null', '42', '"a string"', '[{"a":1}]', '', null, '[null, 3]', `["${ESC}[31m"]`, '{"a":', '[]'],
  status: [HOSTILE_BLOB, 'EXPLODED', '', null, 'Completed', 'pending ', HOSTILE_TEXT, 'completed', 'admin', 'reminder', 'feature'],
  isoTime: [
    '2026-11-26T11:45:09.075Z',
    '2026-11-26 13:00:00',
    '2026-11-26T13:00:00+02:00',
    '1732612345',
    1732612345000,
    'yesterday',
    '',
    null,
    '2026-13-45T99:99:99Z',
    1.5,
    '0000-00-00',
    '+275760-09-13T00:00:00.000Z',
    HOSTILE_BLOB,
    '1e20',
    1e20,
  ],
  seconds: [HOSTILE_BLOB, 'yesterday', 1764150000, 1764150000000, '2026-11-26T11:45:09.075Z', null, -1, 1e20, 'never', 0, 2.5, ''],
  boolean: [HOSTILE_BLOB, 0, 1, 2, -1, 'yes', null, 'true', ''],
  number: [HOSTILE_BLOB, null, 'abc', -1, 1e308, Number.MAX_SAFE_INTEGER + 1, 0, 3.75, ''],
  text: [HOSTILE_BLOB, null, '', HOSTILE_TEXT, 'x'.repeat(10_000), 'ordinary text', '100% _literal_ "quoted" \\ back'],
};

function kindOf(table: string, c: ColumnDef): keyof typeof POOLS {
  if (JSON_COLUMNS.has(c.name)) return 'json';
  if (STATUS_COLUMNS.has(c.name)) return 'status';
  if (/_at$|^timestamp$|^scheduled_for$/.test(c.name)) return table === SECONDS_TABLE ? 'seconds' : 'isoTime';
  if (/^(active|enabled|revoked|delivered|is_recurring|auto_commit_push|is_netsuite)$/.test(c.name)) return 'boolean';
  if (/INT|REAL/i.test(c.type)) return 'number';
  return 'text';
}

/** The full schema's columns with no NOT NULL, no default and no foreign key, as a careless old build might have made them. */
function looseDdl(): string[] {
  return referenceSchema().tables.map((t) => {
    const cols = t.columns.map((c) => {
      if (c.primaryKey && /INT/i.test(c.type)) return `"${c.name}" INTEGER PRIMARY KEY AUTOINCREMENT`;
      return `"${c.name}" ${c.type}${c.primaryKey ? ' PRIMARY KEY' : ''}`;
    });
    return `CREATE TABLE "${t.name}" (${cols.join(', ')})`;
  });
}

export interface MalformedIds {
  /** text primary keys by table (one more row per table has a NULL id, which SQLite allows) */
  text: Record<string, string[]>;
  numeric: Record<string, number[]>;
}

/**
 * A file whose every table holds `rows` rows mixing the values above: row i takes value i+k of
 * each pool, so every value meets every column of its kind. Returns the ids written.
 */
export function writeMalformedFile(path: string, rows = 16): MalformedIds {
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  const ids: MalformedIds = { text: {}, numeric: {} };
  sqlite.transaction(() => {
    for (const ddl of looseDdl()) sqlite.exec(ddl);
    for (const t of referenceSchema().tables) {
      const cols = t.columns.filter((c) => !(c.primaryKey && /INT/i.test(c.type)));
      const pk = t.columns.find((c) => c.primaryKey);
      const insert = sqlite.prepare(`INSERT INTO "${t.name}" (${cols.map((c) => `"${c.name}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      for (let i = 0; i < rows; i++) {
        const values = cols.map((c, k) => {
          if (c === pk) return i === rows - 1 ? null : `${t.name.slice(0, 4)}_weird${i}`;
          const pool = POOLS[kindOf(t.name, c)]!;
          return pool[(i + k) % pool.length]!;
        });
        const info = insert.run(...values);
        const id = pk ? values[cols.indexOf(pk)] : null;
        if (pk && !/INT/i.test(pk.type)) (ids.text[t.name] ??= []).push(...(typeof id === 'string' ? [id] : []));
        else (ids.numeric[t.name] ??= []).push(Number(info.lastInsertRowid));
      }
    }
  })();
  sqlite.close();
  return ids;
}
