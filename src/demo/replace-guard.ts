import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { UsageError } from '../../db/errors.js';
import { specialFileKind } from '../../db/open-file.js';

/**
 * The mark a demo database carries in its header (PRAGMA application_id, bytes 68-71): "BmDe".
 * The service and `migrate` never set application_id, so only a file this console made as a
 * demo has it.
 */
export const DEMO_APPLICATION_ID = 0x426d4465;

const SQLITE_MAGIC = 'SQLite format 3\0';

/** Whether the file's header says the console made it as a demo. Reads 72 bytes, not SQLite. */
export function isDemoFile(path: string): boolean {
  const head = Buffer.alloc(72);
  const fd = openSync(path, 'r');
  try {
    if (readSync(fd, head, 0, 72, 0) < 72) return false;
  } finally {
    closeSync(fd);
  }
  return head.toString('latin1', 0, 16) === SQLITE_MAGIC && head.readUInt32BE(68) === DEMO_APPLICATION_ID;
}

/**
 * Other processes that have the file (or its -wal / -shm) open, from /proc/PID/fd. On Linux this
 * sees every opener this user may inspect (root: all), idle SQLite connections in rollback mode
 * included, which hold no lock. Empty where /proc is absent.
 */
export function openersOf(path: string): number[] {
  const targets = new Set<string>();
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    try {
      targets.add(realpathSync(path + suffix));
    } catch {
      /* absent */
    }
  }
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid);
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or another user's process this user may not inspect
    }
    for (const fd of fds) {
      try {
        if (targets.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) {
          found.push(Number(pid));
          break;
        }
      } catch {
        /* closed meanwhile */
      }
    }
  }
  return found;
}

/**
 * Whether any SQLite connection elsewhere holds the file: an exclusive lock is refused while any
 * WAL-mode connection is open (each holds a shared lock on the file) or any transaction runs.
 */
function lockedByAnother(path: string): boolean {
  const probe = new Database(path, { fileMustExist: true, timeout: 0 });
  try {
    probe.pragma('locking_mode = EXCLUSIVE'); // before the first read: WAL then takes the file's exclusive lock
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
    return false;
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return true;
    throw e;
  } finally {
    probe.close();
  }
}

/**
 * Refuses to replace anything but a demo file nobody has open. `demo --force` may replace only
 * what the console itself made as a demo (its header mark), and only while no other process
 * has it open: a live writer's later writes would go to the replaced file and vanish.
 */
export function assertReplaceable(path: string): void {
  const st = statSync(path);
  const kind = specialFileKind(st);
  if (kind) throw new UsageError(`${path} is ${kind}, not a database file; demo writes only a regular file`);
  if (st.size === 0) {
    assertNotOpen(path);
    return; // an empty file holds nothing to lose
  }
  if (!isDemoFile(path)) {
    throw new UsageError(
      `${path} is not a demo database made by bematic-console, so demo will not replace it, even with --force; give --db a new path, or remove the file yourself if it is truly unwanted`,
    );
  }
  assertNotOpen(path);
}

function assertNotOpen(path: string): void {
  const pids = openersOf(path);
  if (pids.length > 0 || (statSync(path).size > 0 && lockedByAnother(path))) {
    const who = pids.length > 0 ? ` (process ${pids.slice(0, 5).join(', ')})` : '';
    throw new UsageError(`${path} is open in another process${who}; its later writes would be lost with the replaced file, so demo will not replace it: close that process first`);
  }
}
