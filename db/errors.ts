/** Errors the console reports as one sentence; `exitCode` follows DESIGN.md (1 run time, 2 usage). */
export class BematicError extends Error {
  readonly exitCode: number = 1;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The file cannot be opened as a Bematic database (missing, directory, not SQLite, locked, no permission). */
export class DatabaseOpenError extends BematicError {}

/** The file lacks a table or column that this write needs; `bematic-console migrate` adds it. */
export class SchemaMismatchError extends BematicError {
  constructor(what: string) {
    super(`${what} is missing from this database; run \`bematic-console migrate\` to add it`);
  }
}

export class NotFoundError extends BematicError {
  constructor(
    readonly resource: string,
    readonly id: string | number,
  ) {
    super(`${resource} ${id} not found`);
  }
}

/** Input that breaks a rule of the spec (quota, interval, category, ...). */
export class ValidationError extends BematicError {}

/** The row changed under us (the service wrote first): nothing was applied. */
export class ConflictError extends BematicError {}

/** The operator may not do this (viewer, inactive, read-only, not the owner). */
export class PermissionError extends BematicError {}

/** The usage was wrong: exit code 2. */
export class UsageError extends BematicError {
  override readonly exitCode = 2;
}

interface SqliteLikeError {
  code?: string;
  message?: string;
}

/** A corrupt page (any SQLITE_CORRUPT_* extended code) or a file that is not SQLite at all. */
export function isCorruptionError(err: unknown): boolean {
  const code = (err as SqliteLikeError | null)?.code ?? '';
  return code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT');
}

/** Turns a better-sqlite3 error into a sentence an operator can act on; leaves others alone. */
export function describeSqliteError(err: unknown, path?: string): BematicError | null {
  const e = err as SqliteLikeError;
  const where = path ? ` (${path})` : '';
  // SQLITE_CORRUPT_INDEX, _SEQUENCE, ... say the same to an operator
  switch (e?.code?.startsWith('SQLITE_CORRUPT') ? 'SQLITE_CORRUPT' : e?.code) {
    case 'SQLITE_BUSY':
    case 'SQLITE_BUSY_SNAPSHOT':
    case 'SQLITE_LOCKED':
      return new DatabaseOpenError(`the database is locked by another process${where}; waited 5 s, try again`, { cause: err });
    case 'SQLITE_NOTADB':
      return new DatabaseOpenError(`not a SQLite database${where}`, { cause: err });
    case 'SQLITE_CORRUPT':
      return new DatabaseOpenError(`the database file is corrupt${where}; run \`bematic-console doctor\``, { cause: err });
    case 'SQLITE_READONLY_ROLLBACK':
    case 'SQLITE_READONLY_RECOVERY':
      // a writer died mid-write: only a read-write open can roll its journal back or recover its WAL
      return new DatabaseOpenError(
        `the database${where} holds an unfinished write from a process that stopped; open it once without --read-only, as a user who may write it, to roll that write back`,
        { cause: err },
      );
    case 'SQLITE_READONLY_DIRECTORY':
    case 'SQLITE_READONLY_CANTINIT':
      // WAL readers need the -shm file beside the database, which this user cannot create or set up
      return new PermissionError(
        `cannot read the database${where}: it is in WAL mode and its folder is not writable for you, so SQLite cannot make its -shm file; run as a user who may write that folder (the service's user)`,
        { cause: err },
      );
    case 'SQLITE_READONLY':
    case 'SQLITE_READONLY_DBMOVED':
      return new PermissionError(`the database is read-only${where}; nothing was changed`, { cause: err });
    case 'SQLITE_FULL':
      return new DatabaseOpenError(`the disk is full${where}; nothing was changed`, { cause: err });
    case 'SQLITE_CANTOPEN':
      return new DatabaseOpenError(`cannot open the database${where}`, { cause: err });
    case 'SQLITE_IOERR':
      return new DatabaseOpenError(`disk I/O error on the database${where}`, { cause: err });
    default:
      return null;
  }
}
