// Text as the terminal will show it: stored strings made inert, widths in terminal columns.
// The rules live once, in components/text (pure modules, no React): the console and the
// subcommands show the same stored text the same way.
import { HIDDEN } from '../../components/text/inert.js';

export { inert, textOf } from '../../components/text/inert.js';
export { displayWidth, truncate } from '../../components/text/width.js';
import { displayWidth } from '../../components/text/width.js';

// Tab, newline and CR are left alone: outside strings they are JSON's own whitespace, inside
// them JSON.stringify has escaped them already.
const HIDDEN_JSON = new RegExp(`(?![\\t\\n\\r])${HIDDEN}`, 'gu');
const u = (unit: number): string => `\\u${unit.toString(16).padStart(4, '0')}`;

/**
 * Same, for JSON text: JSON.stringify escapes C0 controls but leaves DEL, C1 controls, bidi and
 * zero-width characters raw inside strings. They become \uXXXX escapes (the value is unchanged).
 */
export const inertJson = (json: string): string =>
  json.replace(HIDDEN_JSON, (c) => (c.length === 2 ? u(c.charCodeAt(0)) + u(c.charCodeAt(1)) : u(c.charCodeAt(0))));

export const padEnd = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - displayWidth(s)));
export const padStart = (s: string, width: number): string => ' '.repeat(Math.max(0, width - displayWidth(s))) + s;

/**
 * 1234567 -> "1,234,567": counts read at a glance. Integers are grouped by hand: the first
 * toLocaleString loads ICU's number formatting, 10-40 ms of a 100 ms `history --stats`.
 */
export const formatCount = (n: number): string =>
  Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+$)/g, ',') : n.toLocaleString('en-US');
