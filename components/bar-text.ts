// Bars as text, for a table cell or a line: they read in monochrome too. Pure: no React.

/** Filled cells of a `width`-cell bar for `value` of `max` (at least one for any value above 0). */
export const barFill = (value: number, max: number, width: number): number => (max > 0 ? Math.min(width, Math.max(value > 0 ? 1 : 0, Math.round((value / max) * width))) : 0);

/** `████░░`: `value` of `max` in `width` cells. */
export const barText = (value: number, max: number, width: number): string => {
  const filled = barFill(value, max, Math.max(0, width));
  return '█'.repeat(filled) + '░'.repeat(Math.max(0, width - filled));
};

/**
 * A bar both ways from a centre line, `half` cells a side: under to the left, over to the right;
 * `value` is the signed difference (-0.25: 25% under), `span` the difference that fills a side,
 * `◂`/`▸` where a larger one is cut.
 */
export function deltaText(value: number, span: number, half: number): string {
  const cells = span > 0 ? Math.min(half, Math.round((Math.abs(value) / span) * half)) : 0;
  const shown = value !== 0 ? Math.max(1, cells) : 0;
  const cut = Math.abs(value) > span;
  const body = '━'.repeat(Math.max(0, shown - (cut ? 1 : 0)));
  const left = value < 0 ? (cut ? '◂' : '') + body : '';
  const right = value > 0 ? body + (cut ? '▸' : '') : '';
  return `${' '.repeat(Math.max(0, half - left.length))}${left}│${right}${' '.repeat(Math.max(0, half - right.length))}`;
}
