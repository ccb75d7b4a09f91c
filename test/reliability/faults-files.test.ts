import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isOneSentence, runBinary, runOnTerminal, type BinaryRun } from '../helpers/spawn.js';
import { checkpointed, corruptCopy, demoFile, directory, notSqlite, sha, truncatedCopy } from './fault-files.js';

// Each bad file is made once; the commands only read them (log-prompt is refused before it writes).
const dir = mkdtempSync(join(tmpdir(), 'bematic-badfiles-'));
const files: Record<string, string> = {};
const hashes: Record<string, string> = {};

beforeAll(async () => {
  const good = checkpointed(await demoFile(dir, 'good.db', 0.05));
  files.corrupt = corruptCopy(good, join(dir, 'corrupt.db'));
  files.truncated = truncatedCopy(good, join(dir, 'truncated.db'));
  files['not SQLite'] = notSqlite(join(dir, 'export.csv.db'));
  files.directory = directory(join(dir, 'a-folder.db'));
  files.missing = join(dir, 'typo.db');
  for (const [k, p] of Object.entries(files)) if (k !== 'directory' && k !== 'missing') hashes[k] = sha(p);
}, 60_000);

const COMMANDS: [string, (db: string) => Promise<BinaryRun>][] = [
  ['history', (db) => runBinary(['history', '--db', db])],
  ['history --search --all', (db) => runBinary(['history', '--search', 'scheduler', '--all', '--db', db])],
  ['history --stats --json', (db) => runBinary(['history', '--stats', '--json', '--db', db])],
  ['history --tags', (db) => runBinary(['history', '--tags', '--db', db])],
  ['doctor', (db) => runBinary(['doctor', '--db', db])],
  ['log-prompt', (db) => runBinary(['log-prompt', 'Fix the flaky login test', '--db', db])],
  ['the console', (db) => runOnTerminal(['--db', db])],
];

describe.each(Object.keys({ corrupt: 1, truncated: 1, 'not SQLite': 1, directory: 1, missing: 1 }))('a %s database file', (kind) => {
  // a corrupt file opens (its header is fine): the console meets the damage on screen, see faults-terminal.test.ts
  const commands = kind === 'corrupt' ? COMMANDS.filter(([name]) => name !== 'the console') : COMMANDS;
  it.each(commands)(
    '%s: exit code 1, one sentence, no stack trace, the file unchanged',
    async (_name, run) => {
      const result = await run(files[kind]!);
      const said = result.stderr.trim();
      expect({ code: result.code, oneSentence: isOneSentence(said), unexpected: /unexpected error/.test(said) }).toEqual({ code: 1, oneSentence: true, unexpected: false });
      if (hashes[kind]) expect(sha(files[kind]!)).toBe(hashes[kind]);
    },
    30_000,
  );
});
