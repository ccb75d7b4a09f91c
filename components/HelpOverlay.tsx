import React from 'react';
import { Box, Text } from 'ink';
import { ToneText } from './theme/index.js';

export interface HelpSectionProps {
  readonly title: string;
  readonly rows: readonly { readonly keys: string; readonly description: string }[];
  /** rows short enough to go two to a line in the compact help (the screens by number) */
  readonly pairs?: boolean;
}

export interface HelpOverlayProps {
  readonly sections: readonly HelpSectionProps[];
  readonly width: number;
  readonly height: number;
  /** which page to show when the keys take more than one (0 first; kept in range) */
  readonly page?: number;
}

const KEYS_WIDTH = 16;
/** A column narrower than this cuts its descriptions to nothing: more pages instead. */
const MIN_COLUMN = 30;
/** The same for the compact help, whose descriptions are short. */
const COMPACT_COLUMN = 26;
const GAP = 2;

/** How the help is laid out: sections apart by a blank line or not, columns at least this wide. */
export interface HelpStyle {
  /** blank lines between two sections of a column */
  readonly spacing: number;
  readonly minColumn: number;
  /** sections split to fill each column */
  readonly split: boolean;
  /** drawn in a border (two lines and two columns more besides the heading) */
  readonly border: boolean;
}

const FULL: HelpStyle = { spacing: 1, minColumn: MIN_COLUMN, split: false, border: true };
const COMPACT: HelpStyle = { spacing: 0, minColumn: COMPACT_COLUMN, split: true, border: false };

/** The key column of a help column: its longest key label and a gap, at most KEYS_WIDTH. */
export const keysWidth = (col: readonly HelpSectionProps[]): number => Math.min(KEYS_WIDTH, 2 + Math.max(0, ...col.flatMap((s) => s.rows.map((r) => r.keys.length))));

/** Lines a column's sections take: each its title and rows, `spacing` blank lines between two. */
export const columnLines = (col: readonly HelpSectionProps[], spacing = 1): number => col.reduce((n, s, i) => n + (i > 0 ? spacing : 0) + 1 + s.rows.length, 0);

/**
 * What a key does without its asides, for the compact help: the words before the first `: `, ` (`,
 * `; ` or `, ` not within its first six characters (`refresh now (changes by others…)` → `refresh now`).
 */
export function shortDescription(d: string): string {
  const i = d.slice(6).search(/: | \(|; |, /);
  return i < 0 ? d : d.slice(0, i + 6);
}

/**
 * Packs sections into columns no taller than `height`. A section that does not fit what is left
 * of a column starts the next; one taller than a whole column goes on there as "(cont.)". With
 * `split` (the compact help) a section fills what is left of a column first, whenever two of its
 * rows fit there, and goes on in the next as "(cont.)": no column is left part empty.
 */
export function helpColumns(sections: readonly HelpSectionProps[], height: number, spacing = 1, split = false): HelpSectionProps[][] {
  const h = Math.max(2, height);
  const cols: HelpSectionProps[][] = [[]];
  for (const s of sections) {
    let rows = s.rows;
    let title = s.title;
    while (rows.length > 0) {
      const col = cols[cols.length - 1]!;
      const used = columnLines(col, spacing);
      const room = h - used - (col.length > 0 ? 1 + spacing : 1);
      const whole = rows.length <= h - 1;
      if (col.length > 0 && (room < 1 || (whole && rows.length > room && (!split || room < 2)))) {
        cols.push([]);
        continue;
      }
      const take = Math.min(room, rows.length);
      col.push({ title, rows: rows.slice(0, take) });
      rows = rows.slice(take);
      title = `${s.title} (cont.)`;
    }
  }
  return cols;
}

/** What a column needs to show every row whole: the key column and its longest description (or title). */
const naturalWidth = (col: readonly HelpSectionProps[]): number => Math.max(...col.flatMap((s) => [s.title.length, ...s.rows.map((r) => keysWidth(col) + r.description.length)]));

/**
 * Column widths within `available` (gaps taken out): a column that needs less than its share
 * (the screens list) gets what it needs, and the rest is shared among the wider ones.
 */
export function helpColumnWidths(cols: readonly (readonly HelpSectionProps[])[], available: number): number[] {
  const widths: number[] = cols.map(() => 0);
  let left = Math.max(0, available - GAP * (cols.length - 1));
  const order = cols.map((c, i) => ({ i, need: naturalWidth(c) })).sort((a, b) => a.need - b.need);
  order.forEach(({ i, need }, n) => {
    widths[i] = Math.min(need, Math.floor(left / (order.length - n)));
    left -= widths[i]!;
  });
  return widths;
}

/** Rows two to a line, the second lined up after the longest first description: `1  Dashboard  2  Tasks`. */
function paired(rows: HelpSectionProps['rows']): HelpSectionProps['rows'] {
  const half = Math.ceil(rows.length / 2);
  const pad = Math.max(0, ...rows.slice(0, half).map((r) => r.description.length));
  return rows.slice(0, half).map((r, i) => {
    const next = rows[half + i];
    return { keys: r.keys, description: next ? `${r.description.padEnd(pad)}  ${next.keys}  ${next.description}` : r.description };
  });
}

function pagesOf(sections: readonly HelpSectionProps[], width: number, height: number, style: HelpStyle): HelpSectionProps[][][] {
  const inner = Math.max(1, width - (style.border ? 4 : 2));
  const cols = helpColumns(sections, height - (style.border ? 3 : 1), style.spacing, style.split);
  const perPage = Math.max(1, Math.floor((inner + GAP) / (style.minColumn + GAP)));
  const pages: HelpSectionProps[][][] = [];
  for (let i = 0; i < cols.length; i += perPage) pages.push(cols.slice(i, i + perPage));
  return pages;
}

export interface HelpLayout {
  readonly pages: HelpSectionProps[][][];
  readonly style: HelpStyle;
}

/**
 * The help as pages of columns that fit `width` x `height` (border and title included). When the
 * whole help does not fit one page, the compact form (descriptions without their asides, no blank
 * line between sections, no border, narrower columns so two fit in 60 columns) is used if it takes fewer pages.
 */
export function helpLayout(sections: readonly HelpSectionProps[], width: number, height: number): HelpLayout {
  const full = pagesOf(sections, width, height, FULL);
  if (full.length <= 1) return { pages: full, style: FULL };
  const short = sections.map((s) => ({ title: s.title, rows: s.pairs ? paired(s.rows) : s.rows.map((r) => ({ keys: r.keys, description: shortDescription(r.description) })) }));
  const compact = pagesOf(short, width, height, COMPACT);
  return compact.length < full.length ? { pages: compact, style: COMPACT } : { pages: full, style: FULL };
}

/** The pages of `helpLayout`: how many there are is what PgDn pages through. */
export const helpPages = (sections: readonly HelpSectionProps[], width: number, height: number): HelpSectionProps[][][] => helpLayout(sections, width, height).pages;

/** `?`: every key that works here, in sections generated from the keymap; in pages when they do not fit. */
export function HelpOverlay({ sections, width, height, page = 0 }: HelpOverlayProps) {
  const { pages, style } = helpLayout(sections, width, height);
  const at = Math.max(0, Math.min(page, pages.length - 1));
  const cols = pages[at] ?? [];
  const widths = helpColumnWidths(cols, width - (style.border ? 4 : 2));
  const heading = pages.length > 1 ? `Keys ${at + 1}/${pages.length} (PgDn/PgUp pages, Esc closes)` : 'Keys (Esc closes)';
  return (
    <Box flexDirection="column" borderStyle={style.border ? 'round' : undefined} paddingX={1} width={width} height={height} overflow="hidden" flexShrink={0}>
      <ToneText tone="title" wrap="truncate-end">
        {heading}
      </ToneText>
      <Box flexShrink={0}>
        {cols.map((col, c) => {
          const most = Math.max(4, Math.floor((widths[c] ?? 0) / 2));
          return (
            <Box key={c} flexDirection="column" width={widths[c]} marginRight={c < cols.length - 1 ? GAP : 0} flexShrink={0}>
              {col.map((s, i) => (
                <Box key={s.title} flexDirection="column" marginTop={i > 0 ? style.spacing : 0} flexShrink={0}>
                  <ToneText tone="accent" wrap="truncate-end">
                    {s.title}
                  </ToneText>
                  {s.rows.map((r) => (
                    <Box key={`${r.keys} ${r.description}`} flexShrink={0}>
                      <Box width={Math.min(keysWidth([s]), most)} flexShrink={0}>
                        <ToneText tone="key" wrap="truncate-end">
                          {r.keys}
                        </ToneText>
                      </Box>
                      <Text wrap="truncate-end">{r.description}</Text>
                    </Box>
                  ))}
                </Box>
              ))}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
