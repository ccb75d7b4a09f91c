import type { BenchRow } from './result.js';
import { formatMs, formatRatio, ratio } from './stats.js';

const value = (r: BenchRow, v: number | undefined): string => (v === undefined ? '-' : r.unit === 'MB' ? `${v.toFixed(1)} MB` : formatMs(v));

const targetText = (r: BenchRow): string => (r.target ? `${r.target.met ? 'met' : 'MISSED'}: ${r.target.text}` : '');

/** The one table: work, floor, the service's way, the console, the ratios and the target. */
export function benchTable(rows: readonly BenchRow[]): string[] {
  const out = [
    '| group | work | floor | service\'s way | console | console / floor | service / console | target |',
    '|---|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of rows) {
    const cf = r.unit === 'MB' ? undefined : ratio(r.console, r.floor);
    const sc = r.unit === 'MB' ? undefined : ratio(r.service, r.console);
    out.push(`| ${r.group} | ${r.work} | ${value(r, r.floor)} | ${value(r, r.service)} | ${value(r, r.console)} | ${formatRatio(cf)} | ${formatRatio(sc)} | ${targetText(r)} |`);
  }
  return out;
}

/** The targets alone: what the issue asks, met or missed, with the measured figure. */
export function targetSummary(rows: readonly BenchRow[]): string[] {
  return rows.filter((r) => r.target).map((r) => `- ${r.target!.met ? 'met' : '**MISSED**'}: ${r.group} / ${r.work}: ${r.target!.text} (console ${value(r, r.console)}${r.floor !== undefined ? `, floor ${value(r, r.floor)}` : ''}${r.service !== undefined ? `, service ${value(r, r.service)}` : ''})`);
}

/** The console's medians side by side per scale, and how much they grew from the smallest to the largest. */
export function growthTable(byScale: ReadonlyMap<number, readonly BenchRow[]>, why: (r: BenchRow) => string | undefined): string[] {
  const scales = [...byScale.keys()].sort((a, b) => a - b);
  const base = byScale.get(scales[scales.length - 1]!)!;
  const key = (r: BenchRow): string => `${r.group}|${r.work}`;
  const lookup = new Map(scales.map((s) => [s, new Map(byScale.get(s)!.map((r) => [key(r), r]))]));
  const out = [
    `| group | work | ${scales.map((s) => `scale ${s}`).join(' | ')} | growth | why |`,
    `|---|---|${scales.map(() => '---:').join('|')}|---:|---|`,
  ];
  for (const r of base) {
    if (r.console === undefined) continue;
    const cells = scales.map((s) => lookup.get(s)!.get(key(r)));
    const first = cells[0]?.console;
    const growth = ratio(r.console, first);
    out.push(`| ${r.group} | ${r.work} | ${cells.map((c) => (c ? value(c, c.console) : '-')).join(' | ')} | ${formatRatio(growth)} | ${why(r) ?? ''} |`);
  }
  return out;
}
