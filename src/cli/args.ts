import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../../db/errors.js';
import { inert } from './plain-text.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags every command accepts (DESIGN.md "Global flags"). */
export const globalOptions = {
  db: { type: 'string' },
  'read-only': { type: 'boolean' },
  as: { type: 'string' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies Options;

export interface GlobalFlags {
  db?: string;
  readOnly: boolean;
  as?: string;
  noColor: boolean;
  help: boolean;
}

/**
 * Parses a command's argv with its own options plus the global ones. Unknown flags, missing
 * values and stray arguments become a UsageError (exit code 2) with one sentence.
 */
export function parseCommandArgs<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...globalOptions, ...options },
      allowPositionals,
      strict: true,
    });
    const v = values as Record<string, unknown>;
    const globals: GlobalFlags = {
      db: v.db as string | undefined,
      readOnly: v['read-only'] === true,
      as: v.as as string | undefined,
      noColor: v['no-color'] === true,
      help: v.help === true,
    };
    return { values, positionals, globals };
  } catch (e) {
    throw new UsageError(usageSentence((e as Error).message));
  }
}

/** node:util's messages are long, mention internals, and echo what was typed (escape sequences included). */
function usageSentence(message: string): string {
  const flag = /^Option '(-{1,2}[^' ]+)/.exec(message)?.[1];
  // `--limit --json` or `--limit -5`: node cannot tell a forgotten value from a dashed one
  if (flag && message.includes('ambiguous')) return `${inert(flag)} needs a value; a value that starts with a dash is written ${inert(flag)}=VALUE`;
  const first = message.split(/\.\s|\n/)[0]!.replace(/\.$/, '');
  return inert(first.charAt(0).toLowerCase() + first.slice(1));
}
