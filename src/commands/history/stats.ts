import type { PromptStats } from '../../../db/repositories/prompt-history-stats.js';
import type { Theme } from '../../cli/style.js';
import { renderTable, type Column } from '../../cli/table.js';
import { formatCount, inert } from '../../cli/plain-text.js';
import { countLines, labelled } from './counts.js';

type Duration = PromptStats['durations'][number];

/** What `labelled` (By category) and the stats screen call prompts without a category. */
const NO_CATEGORY = '(none)';

const minutes = (n: number | null): string => (n === null ? '-' : `${n.toFixed(1)} min`);

const off = (d: Duration): string => {
  if (d.estimatedAverage === 0) return '-';
  const pct = ((d.actualAverage - d.estimatedAverage) / d.estimatedAverage) * 100;
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(0)}%`;
};

const DURATION_COLUMNS: readonly Column<Duration>[] = [
  // the total row is "all"; prompts without a category are "(none)", as in By category and on the stats screen
  { header: 'CATEGORY', value: (d) => (d.total ? 'all' : d.category === null ? NO_CATEGORY : inert(d.category)), max: 24 },
  { header: 'PROMPTS', value: (d) => formatCount(d.count), align: 'right' },
  { header: 'ESTIMATED', value: (d) => minutes(d.estimatedAverage), align: 'right' },
  { header: 'ACTUAL', value: (d) => minutes(d.actualAverage), align: 'right' },
  { header: 'OFF BY', value: off, align: 'right', style: (t, d, th) => (d.actualAverage > d.estimatedAverage ? th.warn(t) : th.ok(t)) },
];

const indent = (lines: string[]): string[] => lines.map((l) => `  ${l}`);

/** `history --stats` as text: sections with tables, and bars on a terminal. */
export function statsLines(s: PromptStats, theme: Theme, width?: number): string[] {
  const inner = width !== undefined ? width - 2 : undefined;
  const section = (title: string, body: string[]): string[] => ['', theme.heading(title), ...(body.length > 0 ? indent(body) : [theme.muted('  none')])];
  return [
    `${theme.heading('Prompts')}  ${formatCount(s.total)}`,
    ...section(
      'By status',
      countLines(
        s.byStatus.map((c) => ({ label: inert(c.name), count: c.count })),
        theme,
        inner,
        ['STATUS', 'PROMPTS'],
      ),
    ),
    '',
    `${theme.heading('Average duration of completed prompts')}  ${minutes(s.averageDuration)}`,
    ...section('Estimated against actual duration (prompts with both)', s.durations.length > 0 ? renderTable(DURATION_COLUMNS, s.durations, theme, inner) : []),
    ...section('By category', countLines(labelled(s.byCategory), theme, inner, ['CATEGORY', 'PROMPTS'])),
    ...section(`Most used tags (top ${s.topTags.length})`, s.topTags.length > 0 ? countLines(labelled(s.topTags), theme, inner, ['TAG', 'PROMPTS']) : []),
    ...section(
      'Prompts per week (last 12 weeks, weeks start Monday UTC)',
      countLines(
        s.weekly.map((w) => ({ label: w.weekStart, count: w.count })),
        theme,
        inner,
        ['WEEK OF', 'PROMPTS'],
      ),
    ),
  ];
}
