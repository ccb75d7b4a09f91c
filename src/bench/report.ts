import { rowKey, type BenchRow } from './result.js';
import { formatMs, formatRatio, ratio } from './stats.js';

const value = (r: BenchRow, v: number | undefined): string => (v === undefined ? '-' : r.unit === 'MB' ? `${v.toFixed(1)} MB` : formatMs(v));

const targetText = (r: BenchRow): string => (r.target ? `${r.target.met ? 'met' : 'MISSED'}: ${r.target.text}` : '');

/** The one table: work, floor, the service's way, the console, the ratios and the target. */
export function benchTable(rows: readonly BenchRow[]): string[] {
  const out = ["| group | work | floor | service's way | console | console / floor | service / console | target |", '|---|---|---:|---:|---:|---:|---:|---|'];
  for (const r of rows) {
    const cf = r.unit === 'MB' ? undefined : ratio(r.console, r.floor);
    const sc = r.unit === 'MB' ? undefined : ratio(r.service, r.console);
    out.push(`| ${r.group} | ${r.work} | ${value(r, r.floor)} | ${value(r, r.service)} | ${value(r, r.console)} | ${formatRatio(cf)} | ${formatRatio(sc)} | ${targetText(r)} |`);
  }
  return out;
}

/**
 * The targets alone: what the issue asks, met or missed, with the measured figure; a missed one
 * also says what stands in its way (the row's note, else `why` of its kind of work).
 */
export function targetSummary(rows: readonly BenchRow[], why: (r: BenchRow) => string | undefined = () => undefined): string[] {
  return rows
    .filter((r) => r.target)
    .map((r) => {
      const figures = `console ${value(r, r.console)}${r.floor !== undefined ? `, floor ${value(r, r.floor)}` : ''}${r.service !== undefined ? `, service ${value(r, r.service)}` : ''}`;
      const cf = r.unit === 'MB' ? undefined : ratio(r.console, r.floor);
      const measured = cf === undefined ? figures : `${figures}: ${formatRatio(cf)} the floor`;
      const inTheWay = r.target!.met ? undefined : (r.note ?? why(r));
      return `- ${r.target!.met ? 'met' : '**MISSED**'}: ${r.group} / ${r.work}: ${r.target!.text} (${measured})${inTheWay ? `. In the way: ${inTheWay}` : ''}`;
    });
}

/** A row is flat when its median at the largest scale is at most this many times the smallest scale's. */
export const FLAT_GROWTH = 1.5;
/**
 * Below this many ms of difference two medians are the same on this kind of machine: the same warm
 * read of a sessions page (same file, same code, 101 runs) had a median of 0.58 ms in one process
 * and 1.13-1.39 ms in others minutes later (a shared two-core VM). A read that grows with the
 * table grows by more: the dashboard's today row, 1.4 -> 5.5 ms from scale 1 to 30.
 */
export const NOISE_MS = 1;

/** "flat" when the cost stayed within FLAT_GROWTH (or within NOISE_MS) from the smallest scale to the largest, else how much it grew. */
export function growthVerdict(first: number | undefined, last: number | undefined): string {
  const growth = ratio(last, first);
  if (growth === undefined || first === undefined || last === undefined) return '-';
  if (growth <= FLAT_GROWTH || last - first <= NOISE_MS) return 'flat';
  return `grows ${formatRatio(growth)}`;
}

/** The console's medians side by side per scale, and whether they stayed flat from the smallest to the largest. */
export function growthTable(byScale: ReadonlyMap<number, readonly BenchRow[]>, why: (r: BenchRow) => string | undefined): string[] {
  const scales = [...byScale.keys()].sort((a, b) => a - b);
  const base = byScale.get(scales[scales.length - 1]!)!;
  const lookup = new Map(scales.map((s) => [s, new Map(byScale.get(s)!.map((r) => [rowKey(r), r]))]));
  const out = [`| group | work | ${scales.map((s) => `scale ${s}`).join(' | ')} | ${scales[0]} -> ${scales[scales.length - 1]} | why |`, `|---|---|${scales.map(() => '---:').join('|')}|---|---|`];
  for (const r of base) {
    if (r.console === undefined || r.unit === 'MB') continue;
    const cells = scales.map((s) => lookup.get(s)!.get(rowKey(r)));
    out.push(`| ${r.group} | ${r.work} | ${cells.map((c) => (c ? value(c, c.console) : '-')).join(' | ')} | ${growthVerdict(cells[0]?.console, r.console)} | ${why(r) ?? ''} |`);
  }
  return out;
}
