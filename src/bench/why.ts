import type { BenchRow } from './result.js';

/** db/views/time-order.ts: what a tasks or sessions page costs above its seek. */
const TIME_CHECK =
  "plus one max(rowid) seek for rows added since the list's first look; the check that the whole time column is canonical runs in 20,000-entry slices in idle time, never on a page read";

// One line per kind of work: why its cost stays flat or grows with the table (checked with
// EXPLAIN QUERY PLAN on the demo files).
const REASONS: readonly [RegExp, string][] = [
  [/pty/, 'node start, Ink and React loading, then the first read of the dashboard (index seeks; the totals come in steps after it)'],
  [/ink-testing-library.*first frame/, 'the first page after the shell: flat'],
  [/ink-testing-library/, 'one Ink render of the screen (about 20 ms here) plus at most one keyset page: flat'],
  [/exact total/, 'the rows that match counted in 10,000-rowid slices (use-row-count.ts), a timer turn apart so keys are answered between them: grows with the table, after the frame that answers'],
  [/Ink at a terminal.*first frame/, 'the first page after the shell: flat'],
  [/Ink at a terminal.*key j/, 'React redraws the two rows that changed, Ink lays out the screen and tokenizes only lines it has not drawn before (the floor: Ink alone, same lines): flat'],
  [/Ink at a terminal.*filter .*\+ Enter/, 'a new filter: its first page is read in the same render (an index seek, one page of rows) and drawn as one block of text: flat'],
  [
    /Ink at a terminal/,
    'a new page: React renders its rows into one block of text (no layout node per row), Ink tokenizes each new line; the page itself was read ahead while the console waited (read-ahead.ts): flat',
  ],
  [/prompts list.*page/, 'a keyset seek on prompt_history ids: 50 rows whatever the size'],
  [/whole process/, 'node start and module loading dominate; the SQL inside is as in the query rows'],
  [/--stats/, 'reads the rollup kept by triggers (a few rows per status, category and day), not the prompts'],
  [/--tags/, 'reads the per-tag counts kept by triggers: one row per tag'],
  [/--categories/, 'groups by category over idx_prompt_history_stats: a scan of the covering index, grows with the table'],
  [/--tag /, 'walks the tag side table by (tag, prompt_id) newest first: 20 rows'],
  [/search .*\(common\)|search "billing"/, 'FTS5 trigram phrase, newest rowids first, stops at the page'],
  [/search .*\(rare\)/, 'FTS5 trigram phrase: the doclists of its trigrams, intersected; grows with the matches, not the table'],
  [/search .*\(no match\)/, 'FTS5 trigram lookup: an empty intersection, no row read'],
  [/newest 20|--json/, 'the last 20 rowids of prompt_history'],
  [/first page|next page|page in the middle|last page/, `a keyset seek on the (created_at, id) index: 50 rows whatever the size; ${TIME_CHECK}`],
  [/count slice/, 'one COUNT_SLICE of rowids: the same work at any size (the total is counted slice by slice after the frame)'],
  [/filter status/, `the (status, created_at, id) index: a seek and 50 rows; ${TIME_CHECK}`],
  [/filter text .*common/, 'tasks_fts finds too many candidates: the newest tasks are read until 50 match (case folded), stops early for a common word'],
  [/filter text .*no match/, 'tasks_fts: a few trigram doclists, no candidate, no task read; flat (before migrate: a pass over every task)'],
  [/service task writes/, 'a new task is above tasks_fts_mark, read directly until indexed: no write of ours; an indexed one queues its rowid on a text change: flat'],
  [/dashboard.*first frame/, 'index seeks only (running, due, latest audit) and today through idx_tasks_usage: grows with one day of tasks'],
  [/dashboard.*(a step|longest step)/, 'one slice of the status index (DASHBOARD_STEP entries) or one day of idx_tasks_usage: flat'],
  [/dashboard/, 'tasks by status counts every task through the status index, 7 days read ~12% of idx_tasks_usage: grows with the table'],
  [/first frame/, 'the first page after the shell: flat; module loading is most of it'],
  [/key /, 'one keyset page or less per key: flat'],
];

export const whyOf = (r: BenchRow): string | undefined => REASONS.find(([re]) => re.test(`${r.group} ${r.work}`))?.[1];
