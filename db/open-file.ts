import Database from 'better-sqlite3';
import { statSync, mkdirSync, accessSync, constants, openSync, readSync, closeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatabaseOpenError, describeSqliteError } from './errors.js';
import { matchWalFiles, planWalFiles, type WalPlan } from './wal-files.js';

// Drizzle-free on purpose: scripts that only read (history) open the file without loading drizzle.

export const DEFAULT_DATABASE_PATH = './data/bematic.db';
export const BUSY_TIMEOUT_MS = 5000;

export interface OpenOptions {
  /** A path or `file:` URL; else DATABASE_URL; else ./data/bematic.db */
  path?: string;
  readOnly?: boolean;
  /** Create the file (and its folder) if missing. Only where the operator asked for a new database. */
  create?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface SqliteFile {
  readonly sqlite: Database.Database;
  readonly path: string;
  readonly readOnly: boolean;
  /** true when this open created the file */
  readonly created: boolean;
  close(): void;
}

/** `--db` over DATABASE_URL over the default; `file:` URLs become paths. */
export function resolveDatabasePath(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  const raw = flag ?? (env.DATABASE_URL || undefined) ?? DEFAULT_DATABASE_PATH;
  return resolve(fromUrl(raw));
}

function fromUrl(raw: string): string {
  if (!raw.startsWith('file:')) return raw;
  if (raw.startsWith('file://')) return fileURLToPath(raw.split('?')[0]!);
  return decodeURIComponent(raw.slice('file:'.length).split('?')[0]!);
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** What a path names when it is not a regular file: a FIFO would hang the open, /dev/zero reads as an empty database. */
export function specialFileKind(st: import('node:fs').Stats): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

interface Preflight {
  readonly created: boolean;
  /** the companion files this open may create, to give the database's owner and mode */
  readonly wal: WalPlan | null;
}

/** Checks what can be known before SQLite touches the file, so a typo never creates an empty database. */
function preflight(path: string, opts: OpenOptions): Preflight {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES') throw new DatabaseOpenError(`cannot reach ${path}: permission denied`);
    if (code !== 'ENOENT') throw new DatabaseOpenError(`cannot open ${path}: ${code ?? 'unknown error'}`);
    if (!opts.create || opts.readOnly) {
      throw new DatabaseOpenError(`no database at ${path}; check --db or DATABASE_URL, or create one with \`bematic-console migrate --db ${path}\``);
    }
    mkdirSync(dirname(path), { recursive: true });
    return { created: true, wal: null };
  }
  if (st.isDirectory()) throw new DatabaseOpenError(`${path} is a directory, not a database file`);
  const kind = specialFileKind(st);
  if (kind) throw new DatabaseOpenError(`${path} is ${kind}, not a database file`);
  try {
    accessSync(path, opts.readOnly ? constants.R_OK : constants.R_OK | constants.W_OK);
  } catch {
    const hint = opts.readOnly ? '' : ' (try --read-only)';
    throw new DatabaseOpenError(`cannot ${opts.readOnly ? 'read' : 'write'} ${path}: permission denied${hint}`);
  }
  let walMode = false;
  if (st.size > 0) {
    const head = Buffer.alloc(20);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, head, 0, 20, 0);
    } finally {
      closeSync(fd);
    }
    if (head.toString('latin1', 0, 16) !== SQLITE_MAGIC) throw new DatabaseOpenError(`${path} is not a SQLite database`);
    walMode = head[18] === 2 && head[19] === 2; // file format versions 2: WAL
  }
  return { created: false, wal: planWalFiles(path, st, { readOnly: opts.readOnly ?? false, walMode }) };
}

/** Opens the file with the spec's pragmas; read-only opens change nothing at all. */
export function openSqliteFile(opts: OpenOptions = {}): SqliteFile {
  const path = resolveDatabasePath(opts.path, opts.env);
  const readOnly = opts.readOnly ?? false;
  const { created, wal } = preflight(path, opts);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { readonly: readOnly, fileMustExist: !created, timeout: BUSY_TIMEOUT_MS });
  } catch (e) {
    throw describeSqliteError(e, path) ?? new DatabaseOpenError(`cannot open ${path}: ${(e as Error).message}`);
  }
  try {
    applyPragmas(sqlite, readOnly);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    if (wal) matchWalFiles(wal); // the first read made them, if anything did
  } catch (e) {
    sqlite.close();
    throw describeSqliteError(e, path) ?? new DatabaseOpenError(`cannot open ${path}: ${(e as Error).message}`);
  }
  return { sqlite, path, readOnly, created, close: () => sqlite.open && sqlite.close() };
}

export function applyPragmas(sqlite: Database.Database, readOnly: boolean): void {
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma('cache_size = -20000'); // 20 MB
  sqlite.pragma('foreign_keys = ON');
  if (readOnly) return; // journal_mode and synchronous would change the file or its mode
  if (sqlite.pragma('journal_mode', { simple: true }) !== 'wal') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
}
