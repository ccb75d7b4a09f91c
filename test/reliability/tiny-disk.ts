import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface TinyDisk {
  readonly dir: string;
  /** fills the disk, leaving about `slackKb` for SQLite's small files (the -shm) */
  fill(slackKb?: number): void;
  free(): void;
  unmount(): void;
}

/** A real, tiny file system (tmpfs of `mb` MB) under `parent`; null where mounting is not allowed. */
export function mountTinyDisk(parent: string, mb: number): TinyDisk | null {
  const dir = join(parent, 'tiny');
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${mb}m`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const fillers: string[] = [];
  return {
    dir,
    fill(slackKb = 96) {
      const chunk = Buffer.alloc(64 * 1024, 1);
      const filler = join(dir, 'filler');
      const fd = openSync(filler, 'w');
      try {
        for (let i = 0; i < 100_000; i++) writeSync(fd, chunk); // bounded: 6 GB, never reached on a tiny disk
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
      } finally {
        closeSync(fd);
      }
      fillers.push(filler);
      // give back a little, so the database opens and only a real write finds the disk full
      execFileSync('truncate', ['-s', `-${slackKb}K`, filler]);
    },
    free() {
      for (const f of fillers.splice(0)) rmSync(f, { force: true });
    },
    unmount() {
      try {
        execFileSync('umount', [dir], { stdio: 'ignore' });
      } catch {
        execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      }
    },
  };
}
