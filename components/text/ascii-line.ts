// A list row's text as Ink measures it. Before it draws a text node, Ink measures the node's
// whole squashed text with string-width (ink/build/render-node-to-output.js, widestLine): printable
// ASCII takes a fast path, anything else is segmented into graphemes, ~0.1 ms a 120-column line.
// Nearly every row holds one non-ASCII character, the `…` of a cut cell: that measuring was a
// quarter of each frame. So a row is handed to Ink with an ASCII stand-in for `…`, and Ink's text
// transform (applied after measuring, before drawing) puts `…` back: the same screen, measured fast.

export const ELLIPSIS = '…';

/** Stand-ins tried in order: printable ASCII that never occurs in an SGR colour code (ESC [ 0-9 ; : m). */
const STAND_INS = ['~', '`', '^', '|', '{', '}', '@', '_', '\\'] as const;

/** An ASCII character that occurs in none of `texts`, or null (then the row keeps its `…`). */
export function standInFor(texts: readonly string[]): string | null {
  for (const c of STAND_INS) if (!texts.some((t) => t.includes(c))) return c;
  return null;
}

const restorers = new Map<string, (line: string) => string>();

/** Ink's transform for a row whose `…` were replaced by `standIn`: one function per stand-in, so a row's props stay equal between frames. */
export function restoreEllipsis(standIn: string): (line: string) => string {
  let f = restorers.get(standIn);
  if (!f) {
    f = (line: string): string => line.replaceAll(standIn, ELLIPSIS);
    restorers.set(standIn, f);
  }
  return f;
}
