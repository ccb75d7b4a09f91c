import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-db.js';

// bematic-console/db as another program gets it: the package `npm pack` makes, unpacked into a
// temporary project's node_modules (offline: its dependencies are links to this checkout's,
// without Ink and React, so loading either fails), imported from an ESM .mjs and type-checked
// from a .ts by tsc, on a real SQLite file.

const ROOT = resolve(import.meta.dirname, '../..');
const HIDDEN = /^(ink|react|yoga-layout)/;

function assertBuilt(): void {
  for (const f of ['dist/db/index.js', 'dist/db/index.d.ts', 'dist/bin/bematic-console.js']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
}

/** node_modules of the unpacked package: a link per dependency of the checkout, Ink and React left out. */
function linkDependencies(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (HIDDEN.test(name) || name === '.bin' || name.startsWith('.')) continue;
    if (name.startsWith('@')) linkDependencies(join(from, name), join(to, name));
    else symlinkSync(join(from, name), join(to, name));
  }
}

/** The packed package installed into a new project; returns the project's folder. */
function installPacked(): { project: string; pkg: string; files: string[] } {
  const dir = tempDir('bematic-pack-');
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
  const [packed] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  const project = join(dir, 'project');
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, packed!.filename), '-C', join(project, 'node_modules')]);
  const pkg = join(project, 'node_modules', 'bematic-console');
  renameSync(join(project, 'node_modules', 'package'), pkg);
  linkDependencies(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { 'bematic-console': '*' } }));
  return { project, pkg, files: packed!.files.map((f) => f.path) };
}

const CONSUMER = `import { openDatabase, createRepositories, pushSchema, migrate, ConflictError, NotFoundError, schema } from 'bematic-console/db';
const conn = openDatabase({ path: process.argv[2], create: true });
pushSchema(conn.sqlite);
pushSchema(conn.sqlite);
const repos = createRepositories(conn.db);
const p = repos.promptHistory.log('Add user authentication', { category: 'feature', tags: ['auth'] });
repos.promptHistory.complete(p.id, 'done with JWT', ['src/auth.ts'], 45);
const project = repos.projects.create({ id: 'proj_1', name: 'web', slackChannelId: 'C1', localPath: '/srv/web', agentId: 'auto' });
let conflict = false;
try { repos.projects.create({ id: 'proj_2', name: 'web2', slackChannelId: 'C1', localPath: '/srv/web2', agentId: 'auto' }); } catch (e) { conflict = e instanceof ConflictError; }
let notFound = false;
try { repos.promptHistory.update(999, { executionNotes: 'x' }); } catch (e) { notFound = e instanceof NotFoundError; }
const row = repos.promptHistory.findById(p.id);
const found = [repos.promptHistory.findAll({ searchText: 'user auth' }).length, repos.promptHistory.findAll({ searchText: '100%' }).length];
const m = migrate(conn.sqlite);
conn.close();
console.log(JSON.stringify({ row, project: project.id, conflict, notFound, found, migrated: m.plan.mode, tables: Object.keys(schema).includes('promptHistory') }));
`;

const TYPED = `import { openDatabase, createRepositories, pushSchema, type PromptHistoryRow, type DB, type ProjectRow } from 'bematic-console/db';
const conn = openDatabase({ path: 'typed.db', create: true });
pushSchema(conn.sqlite);
const db: DB = conn.db;
const repos = createRepositories(db);
const p: PromptHistoryRow = repos.promptHistory.log('typed', { category: 'bugfix', tags: ['t'], relatedFiles: ['a.ts'] });
const done: PromptHistoryRow = repos.promptHistory.complete(p.id, 'notes', ['a.ts'], 3);
repos.promptHistory.cancel(p.id, 'why');
repos.promptHistory.fail(p.id, 'why');
repos.promptHistory.findAll({ category: 'bugfix', status: 'completed', searchText: 'x', tag: 't', limit: 10, offset: 5 });
// @ts-expect-error an option the layer does not know is refused by type
repos.promptHistory.findAll({ serchText: 'x' });
const projects: ProjectRow[] = repos.projects.findAll();
repos.auditLogs.log('project:updated', 'project', 'proj_1', null, { name: 'x' });
repos.apiKeys.updateLastUsed('bm_key');
console.log(done.executionStatus, projects.length);
`;

describe('bematic-console/db from another program (npm pack, a temporary project)', () => {
  it('imports the packed layer from ESM without loading Ink or React, type-checks with tsc, and works on a real file', () => {
    assertBuilt();
    const { project, pkg, files } = installPacked();
    expect(files).toEqual(expect.arrayContaining(['dist/db/index.js', 'dist/db/index.d.ts', 'dist/bin/bematic-console.js', 'db/migrations/0000_initial.sql']));
    expect(files.some((f) => f.startsWith('test/') || f.startsWith('dist/test/'))).toBe(false);

    // every module the consumer loads is logged; Ink and React are not even installed for it
    const log = join(project, 'loaded.txt');
    writeFileSync(log, '');
    const recorder = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }`;
    writeFileSync(join(project, 'record.mjs'), `import { register } from 'node:module';\nregister('data:text/javascript,' + encodeURIComponent(${JSON.stringify(recorder)}));\n`);
    writeFileSync(join(project, 'consumer.mjs'), CONSUMER);
    const dbPath = join(project, 'consumer.db');
    const r = spawnSync(process.execPath, ['--import', './record.mjs', 'consumer.mjs', dbPath], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown> & { row: Record<string, unknown> };
    expect(out.row).toMatchObject({ executionStatus: 'completed', executionNotes: 'done with JWT', relatedFiles: '["src/auth.ts"]', actualDurationMinutes: 45 });
    expect(out).toMatchObject({ project: 'proj_1', conflict: true, notFound: true, found: [1, 0], tables: true });

    const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    expect(loaded.some((u) => u.includes('/node_modules/bematic-console/dist/db/index.js'))).toBe(true);
    expect(loaded.filter((u) => /\/node_modules\/(ink|react|react-reconciler|yoga-layout)\//.test(u) || /\/(components|screens)\//.test(u))).toEqual([]);

    // the rows are in the file, as any other reader sees them
    const check = new Database(dbPath, { readonly: true });
    expect(check.prepare('SELECT execution_notes, related_files, actual_duration_minutes FROM prompt_history').get()).toEqual({
      execution_notes: 'done with JWT',
      related_files: '["src/auth.ts"]',
      actual_duration_minutes: 45,
    });
    check.close();

    // a TypeScript project: NodeNext resolution finds the .d.ts through the exports map
    writeFileSync(join(project, 'typed.ts'), TYPED);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['typed.ts'] }),
    );
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);

    // the binary still runs from the package
    const bin = spawnSync(process.execPath, [join(pkg, 'dist/bin/bematic-console.js'), '--version'], { cwd: project, encoding: 'utf8' });
    expect(bin.status).toBe(0);
    expect(bin.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  }, 120_000);
});
