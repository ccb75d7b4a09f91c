import { accessSync, chmodSync, chownSync, constants, existsSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { userInfo } from 'node:os';
import { PermissionError } from './errors.js';

/**
 * SQLite makes `-wal` and `-shm` beside a WAL database when a connection first reads it, and
 * leaves them after close, owned by whoever ran that process (SQLite itself hands them to the
 * database's owner only when it runs as root). Made by another user, they stay that user's: the
 * service, running as the database's owner, then fails every write with SQLITE_READONLY.
 */
export const WAL_SUFFIXES = ['-wal', '-shm'] as const;

export interface WalPlan {
  /** the companion files that do not exist yet and that this open may create */
  readonly missing: readonly string[];
  readonly file: Stats;
}

const effectiveUid = (): number => process.geteuid?.() ?? 0;

function ownerName(uid: number): string {
  try {
    return userInfo().uid === uid ? userInfo().username : `uid ${uid}`;
  } catch {
    return `uid ${uid}`;
  }
}

function folderWritable(path: string): boolean {
  try {
    accessSync(dirname(path), constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Before opening: which companion files this open would create, and a refusal when they would
 * belong to someone other than the database's owner. `walMode` is the file header's answer (a
 * read-only open of a rollback-journal file creates nothing); a writing open switches to WAL.
 */
export function planWalFiles(path: string, file: Stats, opts: { readOnly: boolean; walMode: boolean }): WalPlan {
  const missing = WAL_SUFFIXES.map((s) => path + s).filter((p) => !existsSync(p));
  const creates = missing.length > 0 && (opts.walMode || !opts.readOnly) && folderWritable(path);
  if (!creates) return { missing: [], file };
  const uid = effectiveUid();
  if (uid !== 0 && uid !== file.uid) {
    const names = missing.map((p) => p.slice(path.length)).join(' and ');
    throw new PermissionError(
      `opening ${path} would create its ${names} file${missing.length > 1 ? 's' : ''} owned by you (${ownerName(uid)}), ` +
        `which the service, running as the database's owner (uid ${file.uid}), could then not write, so its next write would fail; ` +
        `run the console as the file's owner (e.g. sudo -u '#${file.uid}' bematic-console ...), or while the service has the database open (it keeps those files)`,
    );
  }
  return { missing, file };
}

/**
 * After the first read: the companion files this open created get the database's owner, group
 * and mode (root may set all three, the owner the group and mode). Best effort: what cannot be
 * set was refused before opening.
 */
export function matchWalFiles(plan: WalPlan): void {
  const { file } = plan;
  for (const p of plan.missing) {
    let st: Stats;
    try {
      st = statSync(p);
    } catch {
      continue; // not created (a reader that found nothing to recover, or the service removed it)
    }
    try {
      if (st.uid !== file.uid || st.gid !== file.gid) chownSync(p, effectiveUid() === 0 ? file.uid : st.uid, file.gid);
    } catch {
      /* not a member of the file's group: the owner still matches */
    }
    try {
      if ((st.mode & 0o777) !== (file.mode & 0o777)) chmodSync(p, file.mode & 0o777);
    } catch {
      /* not ours to change */
    }
  }
}
