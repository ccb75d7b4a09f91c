import { wrapLines } from './text/wrap.js';

/** The widest a dialog box grows (ConfirmDialog and TypedConfirmDialog use the same). */
export const DIALOG_MAX_WIDTH = 72;

/**
 * Lines a bordered dialog takes: border, title, the message wrapped to the box, then `below`
 * lines (the buttons and their margin are 2). A screen gives the rest to its list.
 */
export function dialogHeight(message: string, width: number, below = 2): number {
  return 3 + dialogMessageLines(message, width).length + below;
}

/**
 * A dialog's message as the lines it shows: wrapped here, at spaces, to the box's inside (border and
 * padding are 4), so that what is drawn is what dialogHeight counts. Ink's own wrapping carried the
 * space it broke at to the start of the next line.
 */
export function dialogMessageLines(message: string, width: number): string[] {
  return wrapLines(message, Math.min(width, DIALOG_MAX_WIDTH) - 4);
}
