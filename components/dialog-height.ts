import { wrapLines } from './text/wrap.js';

/** The widest a dialog box grows (ConfirmDialog and TypedConfirmDialog use the same). */
export const DIALOG_MAX_WIDTH = 72;

/**
 * Lines a bordered dialog takes: border, title, the message wrapped to the box, then `below`
 * lines (the buttons and their margin are 2). A screen gives the rest to its list.
 */
export function dialogHeight(message: string, width: number, below = 2): number {
  const inner = Math.min(width, DIALOG_MAX_WIDTH) - 4;
  return 3 + wrapLines(message, inner).length + below;
}
