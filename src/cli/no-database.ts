import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_DATABASE_PATH } from '../../db/open-file.js';
import { DatabaseOpenError } from '../../db/errors.js';

/** Where `bematic-console --demo` writes its database (relative to where it is run, as the default is). */
export const DEMO_DATABASE_PATH = './data/demo.db';

/**
 * The sentence for "the operator named no file, ./data/bematic.db is missing, and `--demo` left
 * ./data/demo.db here": how to open the demo file. It never switches to it on its own: a script
 * reading (or log-prompt writing) the default file must not quietly get demo data when the real
 * file has gone; the operator adds `--db` once they mean the demo. null when it does not apply.
 */
/** `command`: the subcommand the sentence shows (empty for the console itself). */
export function demoInsteadSentence(flag: string | undefined, env: NodeJS.ProcessEnv, command: string): string | null {
  if (flag !== undefined || env.DATABASE_URL) return null;
  const path = resolve(DEFAULT_DATABASE_PATH);
  if (existsSync(path) || !existsSync(resolve(DEMO_DATABASE_PATH))) return null;
  return `no database at ${path}; the demo database (made by --demo) is ${DEMO_DATABASE_PATH}: use it with \`${['bematic-console', command].filter(Boolean).join(' ')} --db ${DEMO_DATABASE_PATH}\` (or DATABASE_URL=${DEMO_DATABASE_PATH})`;
}

/** Throws the demo sentence when it applies (see demoInsteadSentence). */
export function refuseMissingDefault(flag: string | undefined, env: NodeJS.ProcessEnv, command: string): void {
  const sentence = demoInsteadSentence(flag, env, command);
  if (sentence) throw new DatabaseOpenError(sentence);
}
