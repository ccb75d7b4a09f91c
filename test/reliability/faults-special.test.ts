import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BIN, NOBODY, isOneSentence, runBinary, runOnTerminal, type BinaryRun } from '../helpers/spawn.js';
import { tempDir } from '../helpers/temp-db.js';
import { checkpointed, demoFile } from './fault-files.js';

const BETTER_SQLITE3 = createRequire(import.meta.url).resolve('better-sqlite3');

// Special files: a FIFO would hang an open forever, /dev/zero read as "a new database".
// The device is a node of /dev/zero's kind made in the temp folder (a link to it where mknod is not
// allowed), never /dev/zero itself: a regression that wrote or renamed over the path (demo --force
// renames its .partial file into place) would otherwise replace the machine's /dev/zero, as root.
const dir = mkdtempSync(join(tmpdir(), 'bematic-special-'));
const files: Record<string, string> = { FIFO: join(dir, 'pipe.db'), 'character device': join(dir, 'zero.db'), socket: join(dir, 'sock.db') };
let server: Server;

beforeAll(async () => {
  try {
    execFileSync('mknod', ['-m', '666', files['character device']!, 'c', '1', '5'], { stdio: 'ignore' });
  } catch {
    symlinkSync('/dev/zero', files['character device']!);
  }
  expect(statSync(files['character device']!).isCharacterDevice()).toBe(true);
  execFileSync('mkfifo', [files.FIFO!]);
  server = createServer();
  await new Promise<void>((r) => server.listen(files.socket!, r));
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const COMMANDS: [string, (db: string) => Promise<BinaryRun>][] = [
  ['history', (db) => runBinary(['history', '--db', db], { timeoutMs: 20_000 })],
  ['doctor', (db) => runBinary(['doctor', '--db', db], { timeoutMs: 20_000 })],
  ['log-prompt', (db) => runBinary(['log-prompt', 'x', '--db', db], { timeoutMs: 20_000 })],
  ['migrate', (db) => runBinary(['migrate', '--db', db], { timeoutMs: 20_000 })],
  ['migrate --dry-run', (db) => runBinary(['migrate', '--dry-run', '--db', db], { timeoutMs: 20_000 })],
  ['demo --force', (db) => runBinary(['demo', '--db', db, '--scale', '0.0001', '--force'], { timeoutMs: 20_000 })],
  ['the console', (db) => runOnTerminal(['--db', db], { timeoutMs: 20_000 })],
];

describe.each(Object.keys(files))('--db naming a %s', (kind) => {
  it.each(COMMANDS)(
    '%s: refused at once in one sentence that says what the path is',
    async (_name, run) => {
      const result = await run(files[kind]!);
      const said = result.stderr.trim();
      expect({ signal: result.signal, failed: result.code !== 0, oneSentence: isOneSentence(said) }).toEqual({ signal: null, failed: true, oneSentence: true });
      expect(said).toMatch(kind === 'FIFO' ? /named pipe/ : kind === 'socket' ? /a socket/ : /character device/);
      if (kind === 'FIFO') expect(statSync(files.FIFO!).isFIFO()).toBe(true); // still the FIFO: not replaced by a demo
    },
    30_000,
  );
});

// Two users: the service's (uid 1000 here, the file's owner) and an operator of the same group (nobody).
const SERVICE = { uid: 1000, gid: 1000 };
const GROUP = 65534; // nobody's group: nobody reads and writes the file through it

/** A WAL database owned by the service's user, group-writable for the operator's group, no -wal/-shm. */
async function sharedFile(): Promise<string> {
  const folder = tempDir();
  chmodSync(folder, 0o777);
  const path = checkpointed(await demoFile(folder, 'shared.db', 0.001));
  expect(existsSync(`${path}-shm`) || existsSync(`${path}-wal`)).toBe(false);
  chownSync(path, SERVICE.uid, GROUP);
  chmodSync(path, 0o664);
  return path;
}

/** The service writing as it does (its own user, WAL, busy timeout), in a process of its own. */
function serviceWrite(path: string): { status: number | null; stderr: string } {
  const script = `const D = require(${JSON.stringify(BETTER_SQLITE3)});
    const d = new D(${JSON.stringify(path)}, { timeout: 5000 });
    d.pragma('journal_mode = WAL');
    d.prepare("INSERT INTO audit_logs (action, user_id, resource_type, resource_id, metadata, timestamp) VALUES ('service:tick', NULL, 'test', NULL, '{}', ?)").run(new Date().toISOString());
    d.close();`;
  const run = spawnSync(process.execPath, ['-e', script], { ...SERVICE, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

/** The console on a pseudo-terminal (util-linux `script`) as user nobody: what the terminal showed. */
function consoleAsNobody(args: string[]): string {
  const quote = (x: string): string => `'${x.replace(/'/g, `'\\''`)}'`;
  const command = ['setpriv', ...NOBODY, process.execPath, BIN, ...args].map(quote).join(' ');
  const env = { ...process.env, NO_COLOR: '1', DEBUG: '', DATABASE_URL: '', BEMATIC_OPERATOR: '', TERM: 'xterm-256color' };
  return spawnSync('script', ['-qec', command, '/dev/null'], { env, encoding: 'utf8', timeout: 30_000, input: '' }).stdout;
}

describe('a read by another user of the group leaves nothing the service cannot use', () => {
  it('without -wal/-shm present: refused with why and how, nothing created, the service writes on', async () => {
    const path = await sharedFile();
    for (const args of [['history', '--limit', '3'], ['doctor'], ['log-prompt', 'hello']]) {
      const read = await runBinary([...args, '--db', path], { asNobody: true });
      expect({ args, code: read.code, oneSentence: isOneSentence(read.stderr) }).toEqual({ args, code: 1, oneSentence: true });
      expect(read.stderr).toMatch(/would create its -wal and -shm files owned by you.*run the console as the file's owner/);
      expect(existsSync(`${path}-shm`) || existsSync(`${path}-wal`)).toBe(false);
    }
    const onTerminal = consoleAsNobody(['--db', path, '--read-only']);
    expect(onTerminal).toMatch(/run the console as the file's owner/);
    expect(existsSync(`${path}-shm`)).toBe(false);
    expect(serviceWrite(path)).toMatchObject({ status: 0 });
  }, 60_000);

  it("by root: the -wal/-shm it makes are the database's owner, group and mode, and the service writes on", async () => {
    const path = await sharedFile();
    const read = await runBinary(['history', '--limit', '3', '--db', path]);
    expect(read.code).toBe(0);
    const db = statSync(path);
    for (const suffix of ['-wal', '-shm']) {
      if (!existsSync(path + suffix)) continue;
      const st = statSync(path + suffix);
      expect({ suffix, uid: st.uid, gid: st.gid, mode: st.mode & 0o777 }).toEqual({ suffix, uid: db.uid, gid: db.gid, mode: db.mode & 0o777 });
    }
    expect(serviceWrite(path)).toMatchObject({ status: 0 });
  }, 60_000);

  it('beside a running service (its -wal and -shm present), the other user reads', async () => {
    const path = await sharedFile();
    const service = new Database(path);
    try {
      service.prepare('SELECT count(*) FROM tasks').get();
      const read = await runBinary(['history', '--limit', '3', '--db', path], { asNobody: true });
      expect({ code: read.code, stderr: read.stderr }).toEqual({ code: 0, stderr: '' });
    } finally {
      service.close();
    }
  }, 60_000);
});
