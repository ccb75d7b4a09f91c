import { describeRows, type RowEstimate } from '../migrate/row-estimate.js';
import { describeMode } from '../migrate/describe.js';
import { passesQuickCheck, type DoctorReport } from './report.js';

/** How the command colours words; identity functions when output is piped or NO_COLOR is set. */
export interface Styler {
  readonly good: (s: string) => string;
  readonly bad: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly head: (s: string) => string;
}

export const plainStyler: Styler = { good: (s) => s, bad: (s) => s, dim: (s) => s, head: (s) => s };

export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n} B` : `${v.toFixed(v >= 100 ? 0 : 1)} ${units[i]}`;
}

const rows = (r: RowEstimate | null): string => (r ? describeRows(r) : '');

/** The report as aligned lines of text (the `--json` form is the report itself). */
export function renderReport(r: DoctorReport, st: Styler = plainStyler): string[] {
  const ok = passesQuickCheck(r);
  const wal = r.walBytes !== null ? ` (+ ${formatBytes(r.walBytes)} WAL)` : '';
  const j = r.journal;
  const journal = j.exists
    ? `${j.table}: ${j.recorded} of ${j.committed} committed migrations recorded` +
      (j.misplaced ? ` (${j.misplaced} of them in ${j.service.table}, where an older console wrote them: migrate moves them)` : '')
    : `none: ${describeMode(j.mode)}`;
  const lines = [
    `Database   ${r.path}`,
    `Size       ${formatBytes(r.sizeBytes)}${wal}`,
    `SQLite     ${r.sqliteVersion}, journal mode ${r.journalMode}`,
    `Journal    ${journal}`,
    `Service    ${serviceJournal(r)}`,
    `Integrity  ${ok ? st.good('ok') : st.bad(r.quickCheck.join('; ').replace(/\s*\n\s*/g, ' '))} (quick_check)`,
    '',
    st.head('Tables'),
  ];
  const w = Math.max(...r.tables.map((t) => t.name.length), ...r.indexes.map((i) => i.name.length), 20) + 2;
  for (const t of r.tables) {
    // 'present' and 'missing' have the same width, so colour codes never break the alignment
    const state = t.present ? (t.missingColumns.length ? st.bad('present') : st.good('present')) : st.bad('missing');
    const cols = t.missingColumns.length ? `  missing columns: ${t.missingColumns.join(', ')}` : '';
    lines.push(`  ${t.name.padEnd(w)}${state}  ${rows(t.rows).padStart(12)}${cols}`);
  }
  lines.push('', st.head('Indexes'));
  for (const i of r.indexes) {
    const state = i.present ? st.good(i.presentAs ? `present as ${i.presentAs}` : 'present') : st.bad('missing');
    lines.push(`  ${i.name.padEnd(w)}${state}  ${st.dim(`${i.table} (${i.columns.join(', ')})`)}`);
  }
  if (r.duplicateIndexes.length) {
    lines.push('', st.head('Duplicate indexes (same table and columns: every write updates each)'));
    for (const d of r.duplicateIndexes) {
      const drop = d.drop.length ? `; migrate drops ${d.drop.join(', ')}` : "; none is the console's own: left alone";
      lines.push(`  ${st.bad(d.names.join(', '))}  ${st.dim(`${d.table} (${d.columns.join(', ')})`)}${drop}`);
    }
  }
  lines.push('', st.head('Search extras'));
  for (const e of r.extras) lines.push(`  ${e.name.padEnd(w)}${e.present ? st.good('present') : st.bad('missing')}`);
  if (r.unmanagedTables.length) {
    lines.push('', st.head('Not managed by the console (left alone)'));
    for (const t of r.unmanagedTables) lines.push(`  ${t.name.padEnd(w)}${rows(t.rows)}`);
  }
  lines.push('', ...verdict(r, st));
  return lines;
}

function serviceJournal(r: DoctorReport): string {
  const s = r.journal.service;
  if (!s.exists) return `${s.table}: none (the service's drizzle folder has not run here)`;
  const newest = s.newest ? `, newest ${s.newest}` : '';
  const ours = s.consoleRows ? `; ${s.consoleRows} written by an older console (migrate moves them out)` : '';
  return `${s.table}: ${s.rows} row${s.rows === 1 ? '' : 's'}${newest} (the service's drizzle journal, left alone)${ours}`;
}

function verdict(r: DoctorReport, st: Styler): string[] {
  if (!passesQuickCheck(r)) {
    return [st.bad('The file is damaged: copy it aside before anything else writes to it; `sqlite3 FILE .recover` saves what is readable.')];
  }
  if (r.migrateSteps === 0) return [st.good('The file matches the schema: nothing for `bematic-console migrate` to do.')];
  const out: string[] = [];
  if (r.slowOperations.length) {
    out.push(st.head('Slow until migrated'));
    const w = Math.max(...r.slowOperations.map((s) => s.operation.length)) + 2;
    for (const s of r.slowOperations) out.push(`  ${`${s.operation}:`.padEnd(w)}${s.cost}`);
    out.push('');
  }
  for (const warning of r.migrateWarnings) out.push(`${st.bad('!')} ${warning}`);
  const n = r.migrateSteps;
  out.push(`Run \`bematic-console migrate\` to add what is missing (${n} step${n === 1 ? '' : 's'}, additive; \`--dry-run\` lists them).`);
  return out;
}
