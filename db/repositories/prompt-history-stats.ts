import type Database from 'better-sqlite3';
import type { DatabaseShape } from '../shape.js';
import type { SqlPart } from '../search/sql.js';
import type { PromptSource } from './prompt-history-query.js';
import type { PromptFilters } from './prompt-history-query.js';
import { dailyCountsSql, statsGroupsSql, tagCountsSql } from './prompt-history-stats-sql.js';
import { rollupDailySql, rollupGroupsSql, rollupServes } from './prompt-history-rollup-sql.js';

export interface NamedCount<N = string> {
  name: N;
  count: number;
}

/** How far estimates are off: averages over prompts that have both durations. */
export interface DurationComparison {
  /** the category; null both for prompts without one (uncategorised) and for the total row */
  category: string | null;
  /** the prompts without a category ("(none)") */
  uncategorised: boolean;
  /** the last row: every category together ("all") */
  total: boolean;
  count: number;
  estimatedAverage: number;
  actualAverage: number;
}

/** The service's shape first (total ... averageDuration), then what `--stats` and the screen add. */
export interface PromptStats {
  total: number;
  completed: number;
  pending: number;
  failed: number;
  cancelled: number;
  /** average actual duration (minutes) of completed prompts, as the service computes it */
  averageDuration: number | null;
  byStatus: NamedCount[];
  byCategory: NamedCount<string | null>[];
  /** by category (uncategorised: category null), then all categories together (total: true, last) */
  durations: DurationComparison[];
  topTags: NamedCount[];
  /** the last 12 weeks, Monday to Sunday (UTC), oldest first; the last one is this week */
  weekly: { weekStart: string; count: number }[];
}

interface GroupRow {
  status: string;
  category: string | null;
  count: number;
  actualSum: number | null;
  actualCount: number;
  pairedEstimated: number | null;
  pairedActual: number | null;
  pairedCount: number;
}

export const WEEKS = 12;
const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of the week eleven weeks before the one holding `now`. */
export function firstWeekStart(now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY_MS;
  return new Date(monday - (WEEKS - 1) * 7 * DAY_MS);
}

const run = <T>(sqlite: Database.Database, q: SqlPart): T[] => sqlite.prepare(q.text).all(...q.params) as T[];

const add = <K>(map: Map<K, number>, key: K, n: number): void => {
  map.set(key, (map.get(key) ?? 0) + n);
};

/**
 * Names in code-unit order, as SQLite's default collation orders them (the tag counts come from
 * SQL so): localeCompare would also load ICU's collator, 10-20 ms of a `history --stats` process.
 */
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const byCountDesc = <N>(map: Map<N, number>): NamedCount<N>[] => [...map].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || byName(String(a.name), String(b.name)));

function durations(groups: GroupRow[]): DurationComparison[] {
  const per = new Map<string | null, { count: number; est: number; act: number }>();
  const all = { count: 0, est: 0, act: 0 };
  for (const g of groups) {
    if (g.pairedCount === 0) continue;
    const d = per.get(g.category) ?? { count: 0, est: 0, act: 0 };
    for (const acc of [d, all]) {
      acc.count += g.pairedCount;
      acc.est += g.pairedEstimated ?? 0;
      acc.act += g.pairedActual ?? 0;
    }
    per.set(g.category, d);
  }
  const row = (category: string | null, total: boolean, d: typeof all): DurationComparison => ({
    category,
    uncategorised: !total && category === null,
    total,
    count: d.count,
    estimatedAverage: d.est / d.count,
    actualAverage: d.act / d.count,
  });
  const out = [...per].sort(([a], [b]) => byName(a ?? '', b ?? '')).map(([category, d]) => row(category, false, d));
  if (all.count > 0) out.push(row(null, true, all));
  return out;
}

function weekly(days: NamedCount[], now: Date): PromptStats['weekly'] {
  const first = firstWeekStart(now).getTime();
  const weeks = Array.from({ length: WEEKS }, (_, i) => ({ weekStart: new Date(first + i * 7 * DAY_MS).toISOString().slice(0, 10), count: 0 }));
  for (const d of days) {
    const i = Math.floor((Date.parse(`${d.name}T00:00:00Z`) - first) / (7 * DAY_MS));
    if (i >= 0 && i < WEEKS) weeks[i]!.count += d.count;
  }
  return weeks;
}

/** The statistics of no prompts (a file without prompt_history). */
export function emptyPromptStats(now: Date): PromptStats {
  const base = { total: 0, completed: 0, pending: 0, failed: 0, cancelled: 0, averageDuration: null };
  return { ...base, byStatus: [], byCategory: [], durations: [], topTags: [], weekly: weekly([], now) };
}

/**
 * Three queries for everything: grouped counts and durations, top tags, days of the last 12
 * weeks. On a migrated file, unless text or a tag filters, they read the rollups kept by triggers.
 */
export function readPromptStats(sqlite: Database.Database, shape: DatabaseShape, filters: PromptFilters, source: PromptSource, opts: { now: Date; topTags: number }): PromptStats {
  const unfiltered = source.where.length === 0;
  const rollup = rollupServes(shape, filters);
  const since = firstWeekStart(opts.now).toISOString();
  const groups = run<GroupRow>(sqlite, rollup ? rollupGroupsSql(filters) : statsGroupsSql(source));
  const status = new Map<string, number>();
  const category = new Map<string | null, number>();
  let actualSum = 0;
  let actualCount = 0;
  for (const g of groups) {
    add(status, g.status, g.count);
    add(category, g.category, g.count);
    if (g.status === 'completed') {
      actualSum += g.actualSum ?? 0;
      actualCount += g.actualCount;
    }
  }
  const topTags = run<NamedCount>(sqlite, tagCountsSql(shape, source, unfiltered, opts.topTags));
  const days = run<NamedCount>(sqlite, rollup ? rollupDailySql(filters, since) : dailyCountsSql(source, since));
  return {
    total: groups.reduce((n, g) => n + g.count, 0),
    completed: status.get('completed') ?? 0,
    pending: status.get('pending') ?? 0,
    failed: status.get('failed') ?? 0,
    cancelled: status.get('cancelled') ?? 0,
    averageDuration: actualCount > 0 ? actualSum / actualCount : null,
    byStatus: byCountDesc(status),
    byCategory: byCountDesc(category),
    durations: durations(groups),
    topTags,
    weekly: weekly(days, opts.now),
  };
}
