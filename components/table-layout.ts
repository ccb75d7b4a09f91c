import { inert } from './text/inert.js';
import { displayWidth, fitColumns } from './text/width.js';
import type { Tone } from './theme/tokens.js';

// The column widths of a static table, in terminal cells (string-width, as Ink lays text out),
// so that no line is wider than the space given. Pure: no React.

/** One column: its title, how a row shows in it, and whether it takes the width left over (bars). */
export interface TableColumn<R> {
  readonly title: string;
  /** the cell's text; a `fill` column is told its width (a bar drawn to it) */
  readonly text: (row: R, width: number) => string;
  readonly align?: 'left' | 'right';
  /** takes the columns left over, at least `min` */
  readonly fill?: boolean;
  /** the narrowest this column is cut to (default 3; a fill column's default 4) */
  readonly min?: number;
  /** the tone of its cells */
  readonly tone?: Tone;
}

/** ink-table's frame: a border left of each column and one at the end, a space each side of a cell. */
export const frameWidth = (columns: number): number => 1 + columns * 3;

const minOf = <R>(c: TableColumn<R>): number => c.min ?? (c.fill ? 4 : 3);

/**
 * Widths of the columns that fit in `width` (the rest, from the right, are left out): each column as
 * wide as its widest cell or title, the widest cut first down to its minimum, fill columns given what
 * is left. The texts are measured made inert, as they are shown.
 */
export function fitTable<R>(columns: readonly TableColumn<R>[], rows: readonly R[], width: number): { columns: TableColumn<R>[]; widths: number[] } {
  let shown = [...columns];
  for (;;) {
    const natural = shown.map((c) =>
      c.fill ? Math.max(minOf(c), displayWidth(inert(c.title))) : Math.max(displayWidth(inert(c.title)), ...rows.map((r) => displayWidth(inert(c.text(r, Number.MAX_SAFE_INTEGER))))),
    );
    const widths = [...natural];
    const room = width - frameWidth(shown.length);
    let over = widths.reduce((a, b) => a + b, 0) - room;
    while (over > 0) {
      // cut the widest column that can still give a cell
      let widest = -1;
      widths.forEach((w, i) => {
        if (!shown[i]!.fill && w > minOf(shown[i]!) && (widest < 0 || w > widths[widest]!)) widest = i;
      });
      if (widest < 0) break;
      widths[widest]! -= 1;
      over -= 1;
    }
    if (over <= 0 || shown.length === 1) {
      const fills = shown.map((c, i) => (c.fill ? i : -1)).filter((i) => i >= 0);
      const spare = Math.max(0, -over);
      fills.forEach((i, n) => (widths[i]! += Math.floor(spare / fills.length) + (n < spare % fills.length ? 1 : 0)));
      if (over > 0) widths[0] = Math.max(1, widths[0]! - over); // one column that cannot fit: cut it to the space
      return { columns: shown, widths };
    }
    shown = shown.slice(0, -1);
  }
}

/** A cell as shown: made inert (no control or invisible character reaches the terminal), cut or padded to `width` cells. */
export const cellText = (text: string, width: number, align: 'left' | 'right' = 'left'): string => fitColumns(inert(text), width, align);
