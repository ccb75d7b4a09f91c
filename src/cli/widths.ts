// Terminal widths for the subcommands, with string-width (components/text/width.ts) loaded only
// when text other than printable ASCII is measured. Importing string-width builds an ICU
// segmenter and its emoji regular expressions at once: 10-20 ms of a ~100 ms `history`, whose
// output is nearly always ASCII.

type Widths = typeof import('../../components/text/width.js');

let widths: Widths | undefined;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Thrown by a measure of non-ASCII text before the tables are loaded; withWidths loads them and runs again. */
class WidthsNeeded extends Error {
  constructor() {
    super('internal: text other than printable ASCII measured before loadWidths()');
  }
}

/** Loads the width tables (once). */
export async function loadWidths(): Promise<void> {
  widths ??= await import('../../components/text/width.js');
}

function loaded(): Widths {
  if (!widths) throw new WidthsNeeded();
  return widths;
}

/**
 * Runs `render` (pure: it computes text, writes nothing); when it met text that needs the width
 * tables, loads them and runs it again. What it returns is as if they had been loaded first.
 */
export async function withWidths<T>(render: () => T): Promise<T> {
  try {
    return render();
  } catch (e) {
    if (!(e instanceof WidthsNeeded)) throw e;
    await loadWidths();
    return render();
  }
}

/** Columns `text` takes on a terminal (after `inert`): see components/text/width.ts. */
export const displayWidth = (text: string): number => (PRINTABLE_ASCII.test(text) ? text.length : loaded().displayWidth(text));

/** At most `width` columns, cut with `…` when longer. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (PRINTABLE_ASCII.test(text)) return text.length > width ? text.slice(0, width - 1) + '…' : text;
  return loaded().truncate(text, width);
}

export const padEnd = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - displayWidth(s)));
export const padStart = (s: string, width: number): string => ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
