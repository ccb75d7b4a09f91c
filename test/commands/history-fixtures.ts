import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { freshDatabase } from '../helpers/temp-db.js';
import { applySearchExtras, seedPrompts } from '../db/prompt-history-seed.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = resolve(ROOT, 'dist/bin/bematic-console.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of an operator's shell, minus what would change the output under test. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['DATABASE_URL', 'NO_COLOR', 'FORCE_COLOR', 'DEBUG', 'BEMATIC_OPERATOR']) delete env[k];
  return { ...env, ...extra };
}

function assertBuilt(): void {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npx tsc -p tsconfig.build.json\` first`);
}

/** The real binary as a process, its output piped (so: not a terminal). */
export function runBin(args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}): Run {
  assertBuilt();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: cleanEnv(opts.env), input: opts.input, cwd: opts.cwd ?? ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Same, without blocking this process (so a test can hold a lock meanwhile). */
export function runBinAsync(args: string[], opts: { env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  assertBuilt();
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cleanEnv(opts.env), cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** `npm run ...` in the package, as the spec's examples are written. */
export function runNpm(args: string[], env: NodeJS.ProcessEnv): Run {
  const r = spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8', env: cleanEnv(env) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temp database holding the tricky prompts; `migrated` adds the full-text index and tag table. */
export function promptDatabase(migrated: boolean) {
  const conn = freshDatabase();
  const ids = seedPrompts(conn.sqlite);
  if (migrated) applySearchExtras(conn.sqlite);
  return { conn, path: conn.path, ids };
}

// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[/;
