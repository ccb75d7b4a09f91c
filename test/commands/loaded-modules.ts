import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../helpers/temp-db.js';
import { BIN, ROOT, cleanEnv } from './history-fixtures.js';

// What a run of the binary loads, as source files: a hook logs every module node loads; a chunk of
// the bundle (npm run build) stands for the sources esbuild put into it (dist/bin/meta.json), so
// the check holds for the bundle and for tsc's unbundled output alike.

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

function chunkSources(): Map<string, string[]> {
  const file = join(ROOT, 'dist/bin/meta.json');
  const out = new Map<string, string[]>();
  if (!existsSync(file)) return out;
  const meta = JSON.parse(readFileSync(file, 'utf8')) as Metafile;
  for (const [path, o] of Object.entries(meta.outputs)) out.set(join(ROOT, path), Object.keys(o.inputs));
  return out;
}

export interface LoadedRun {
  status: number | null;
  stderr: string;
  /** every source the process evaluated, relative to the checkout (node_modules/ink/..., db/schema/tasks.ts, dist/db/shape.js) */
  sources: string[];
}

/** Runs `node BIN args` with a loader hook that records each module it loads. */
export function runRecordingModules(args: readonly string[]): LoadedRun {
  const dir = tempDir();
  const log = join(dir, 'loaded.txt');
  const hook = join(dir, 'record.mjs');
  const recorder = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, url + '\\n');
  return next(url, context);
}`;
  writeFileSync(log, '');
  writeFileSync(hook, `import { register } from 'node:module';\nregister('data:text/javascript,' + encodeURIComponent(${JSON.stringify(recorder)}));\n`);
  const r = spawnSync(process.execPath, ['--import', hook, BIN, ...args], { encoding: 'utf8', env: cleanEnv(), cwd: ROOT });
  const chunks = chunkSources();
  const sources = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((url) => {
      const path = fileURLToPath(url);
      return chunks.get(path) ?? [relative(ROOT, path)];
    });
  return { status: r.status, stderr: r.stderr, sources };
}
