import type { NamedCount } from '../../../db/repositories/prompt-history-stats.js';
import { bar } from '../../cli/bars.js';
import type { Theme } from '../../cli/style.js';
import { renderTable, type Column } from '../../cli/table.js';
import { formatCount, inert } from '../../cli/plain-text.js';

export interface CountEntry {
  label: string;
  count: number;
}

const BAR_WIDTH = 30;

/** Label, count, share and (on a terminal) a bar; `labelStyle` colours the label. */
export function countLines(entries: readonly CountEntry[], theme: Theme, width?: number, header = ['NAME', 'PROMPTS']): string[] {
  const max = Math.max(0, ...entries.map((e) => e.count));
  const total = entries.reduce((n, e) => n + e.count, 0);
  const columns: Column<CountEntry>[] = [
    { header: header[0]!, value: (e) => e.label, max: 40 },
    { header: header[1]!, value: (e) => formatCount(e.count), align: 'right' },
    { header: 'SHARE', value: (e) => (total > 0 ? `${((e.count / total) * 100).toFixed(1)}%` : '-'), align: 'right' },
  ];
  if (width !== undefined) {
    const barWidth = Math.max(5, Math.min(BAR_WIDTH, width - 70));
    columns.push({ header: '', value: (e) => bar(e.count, max, barWidth), style: (t, _e, th) => th.accent(t) });
  }
  return renderTable(columns, entries, theme, width);
}

/** Category and tag names as they are stored, made inert; a missing category is "(none)". */
export const labelled = (counts: readonly NamedCount<string | null>[]): CountEntry[] => counts.map((c) => ({ label: c.name === null ? '(none)' : inert(c.name), count: c.count }));
