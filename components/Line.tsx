import React, { type ReactNode } from 'react';

export interface LineProps {
  /** columns; the text should fit them (a longer one is cut at the end) */
  readonly width: number;
  /** lines (default 1); the text should hold no more */
  readonly height?: number;
  /** applied to the line as drawn, after Ink has measured it (see text/ascii-line.ts) */
  readonly transform?: (line: string) => string;
  readonly children?: ReactNode;
}

/**
 * Text whose size is fixed, one line or a block of them, for text that changes on every page (list rows).
 *
 * Ink measures each `<Text>` it lays out through a module-level cache keyed by the text that is
 * never emptied (ink/build/measure-text.js): every distinct row scrolled past stayed in memory
 * (about 11 KB per page of a 40-line list). Yoga never measures a node whose width and height are
 * both fixed, so this renders Ink's text element itself with both set: nothing is cached, and the
 * width computation of a new row is skipped too. Nested `<Text>` (tones) work as inside `<Text>`.
 */
export function Line({ width, height = 1, transform, children }: LineProps) {
  const style = { width: Math.max(0, width), height: Math.max(0, height), flexGrow: 0, flexShrink: 0, flexDirection: 'row', textWrap: 'truncate-end' };
  return React.createElement('ink-text', transform ? { style, internal_transform: transform } : { style }, children);
}
