import Database from 'better-sqlite3';
import type { CapturedStatement } from './bare-job.js';

type Method = 'all' | 'get' | 'run' | 'iterate';
type Fn = (this: Database.Statement, ...args: unknown[]) => unknown;

const modes = new WeakMap<object, CapturedStatement['mode']>();

/** JSON-safe parameters (bigint as number): the floor process receives them as a file. */
const plain = (args: unknown[]): unknown[] => args.map((a) => (typeof a === 'bigint' ? Number(a) : a));

/**
 * Records every statement any better-sqlite3 handle runs while `fn` runs: the console's own
 * SQL, exactly as drizzle and the repositories produce it, for the floor to run bare.
 */
export async function captureStatements<T>(fn: () => Promise<T> | T): Promise<{ result: T; statements: CapturedStatement[] }> {
  const probe = new Database(':memory:');
  const stmtProto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, Fn>;
  const dbProto = Object.getPrototypeOf(probe) as Record<string, Fn>;
  probe.close();
  const statements: CapturedStatement[] = [];
  const saved = new Map<string, Fn>();
  const patch = (proto: Record<string, Fn>, name: string, wrap: (orig: Fn) => Fn): void => {
    saved.set(name, proto[name]!);
    proto[name] = wrap(proto[name]!);
  };
  for (const m of ['all', 'get', 'run', 'iterate'] as Method[]) {
    patch(
      stmtProto,
      m,
      (orig) =>
        function (this: Database.Statement, ...args: unknown[]) {
          statements.push({ sql: this.source, params: plain(args), method: m, mode: modes.get(this) ?? 'plain' });
          return orig.apply(this, args);
        },
    );
  }
  for (const m of ['pluck', 'raw'] as const) {
    patch(
      stmtProto,
      m,
      (orig) =>
        function (this: Database.Statement, ...args: unknown[]) {
          if (args[0] !== false) modes.set(this, m);
          else modes.delete(this);
          return orig.apply(this, args);
        },
    );
  }
  const execOrig = dbProto.exec!;
  dbProto.exec = function (this: Database.Statement, ...args: unknown[]) {
    statements.push({ sql: String(args[0]), params: [], method: 'exec', mode: 'plain' });
    return execOrig.apply(this, args);
  };
  try {
    const result = await fn();
    return { result, statements };
  } finally {
    for (const [name, orig] of saved) stmtProto[name] = orig;
    dbProto.exec = execOrig;
  }
}

/** What a read-only bare process can run: no writes, no pragmas that change the file's mode. */
export const readsOnly = (s: readonly CapturedStatement[]): CapturedStatement[] =>
  s.filter((x) => x.method !== 'run' && x.method !== 'exec' && !/^\s*PRAGMA\s+(journal_mode|synchronous)\s*=/i.test(x.sql));
