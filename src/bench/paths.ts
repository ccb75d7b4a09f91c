import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

// This file runs as dist/src/bench/paths.js: the checkout is three folders up.
const here = dirname(fileURLToPath(import.meta.url));

export const DIST_BENCH = here;
export const ROOT = resolve(here, '../../..');
export const BENCH_DIR = join(ROOT, '.bench');
export const BIN = join(ROOT, 'dist/bin/bematic-console.js');
export const FLOOR = join(here, 'floor.js');
export const SERVICE_WAY = join(here, 'service-way.js');
export const MEMORY = join(here, 'memory.js');

export const demoPath = (scale: number): string => join(BENCH_DIR, `demo-${scale}.db`);
export const unmigratedPath = (scale: number): string => join(BENCH_DIR, `unmigrated-${scale}.db`);
