import type Database from 'better-sqlite3';
import { promptSearchExtras } from '../../db/search/extras.js';

/** A prompt as the service writes it: raw values, tags as stored text (possibly malformed). */
export interface ServicePrompt {
  prompt: string;
  context?: string | null;
  category?: string | null;
  tags?: string;
  status?: string;
  estimated?: number | null;
  actual?: number | null;
  timestamp?: string;
}

/** Texts chosen to trip LIKE wildcards, quoting, escaping and case folding. */
export const TRICKY_PROMPTS: ServicePrompt[] = [
  { prompt: 'Add user authentication', category: 'feature', tags: '["security","auth"]', status: 'completed', estimated: 30, actual: 45 },
  { prompt: 'Raise coverage to 100% today', category: 'feature', tags: '["tests"]', status: 'completed', estimated: 60, actual: 50 },
  { prompt: 'Rename snake_case keys', category: 'refactor', tags: '["api"]', status: 'pending', estimated: 20 },
  { prompt: 'Fix "quoted" title bug', category: 'bugfix', tags: '["say \\"hi\\"","api"]', status: 'failed' },
  { prompt: 'Escape C:\\temp\\path handling', context: 'Windows paths with back\\slash', category: 'bugfix', tags: '["windows"]', status: 'cancelled' },
  { prompt: 'Update docs', context: 'API reference for AUTHENTICATION flows', category: 'documentation', tags: '["docs","api"]', status: 'completed', estimated: 10, actual: 12 },
  { prompt: 'Research caching layers', category: 'research', tags: 'not json at all', status: 'pending' },
  { prompt: "Don't break O'Brien's import", category: null, tags: '{"tag":"object not array"}', status: 'pending' },
  { prompt: 'percent sign alone % here', tags: '["api","api"]', status: 'completed', estimated: 5, actual: 5 },
  { prompt: 'Ünïcödé prompt ÉCOLE école', context: null, tags: '[]', status: 'completed', actual: 7 },
  { prompt: 'bell \u0007 and \u001b[31mred\u001b[0m escape', tags: '[1, "mixed"]', status: 'pending' },
  { prompt: 'abcabc repeated trigram', context: 'ctx with 50_% both', tags: '["perf"]', status: 'pending' },
];

const INSERT = `INSERT INTO prompt_history
  (prompt, context, category, tags, related_files, execution_status, estimated_duration_minutes, actual_duration_minutes, timestamp)
  VALUES (?, ?, ?, ?, '[]', ?, ?, ?, ?)`;

/** Inserts the way the service does: a plain INSERT with its own column list. */
export function insertServicePrompt(sqlite: Database.Database, p: ServicePrompt, timestamp = new Date().toISOString()): number {
  const r = sqlite.prepare(INSERT).run(p.prompt, p.context ?? null, p.category ?? null, p.tags ?? '[]', p.status ?? 'pending', p.estimated ?? null, p.actual ?? null, p.timestamp ?? timestamp);
  return Number(r.lastInsertRowid);
}

export function seedPrompts(sqlite: Database.Database, prompts: ServicePrompt[] = TRICKY_PROMPTS): number[] {
  const base = Date.parse('2026-01-05T10:00:00.000Z');
  return prompts.map((p, i) => insertServicePrompt(sqlite, p, new Date(base + i * 3_600_000).toISOString()));
}

/** Creates the full-text index and tag table as `migrate` does. */
export function applySearchExtras(sqlite: Database.Database, progress: (done: number, total: number) => void = () => {}): void {
  for (const extra of promptSearchExtras) extra.apply(sqlite, progress);
}
