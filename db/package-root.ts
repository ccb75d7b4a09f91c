import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The package's folder, found the same way from source (tests) and from dist/ (the binary). */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('bematic-console: package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return (root = dir);
}

export const migrationsFolder = (): string => join(packageRoot(), 'db', 'migrations');
