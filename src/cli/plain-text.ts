// The subcommands' text rules that need no width tables: stored strings made inert, JSON made
// inert, counts grouped. Loaded by every command (errors are reported through inert); widths
// live in ./widths.ts, loaded only when text other than printable ASCII is measured.
import { HIDDEN } from '../../components/text/inert.js';

export { inert, textOf } from '../../components/text/inert.js';

// Tab, newline and CR are left alone: outside strings they are JSON's own whitespace, inside
// them JSON.stringify has escaped them already.
const HIDDEN_JSON = new RegExp(`(?![\\t\\n\\r])${HIDDEN}`, 'gu');
const u = (unit: number): string => `\\u${unit.toString(16).padStart(4, '0')}`;

/**
 * Same, for JSON text: JSON.stringify escapes C0 controls but leaves DEL, C1 controls, bidi and
 * zero-width characters raw inside strings. They become \uXXXX escapes (the value is unchanged).
 */
export const inertJson = (json: string): string => json.replace(HIDDEN_JSON, (c) => (c.length === 2 ? u(c.charCodeAt(0)) + u(c.charCodeAt(1)) : u(c.charCodeAt(0))));

/**
 * 1234567 -> "1,234,567": counts read at a glance. Integers are grouped by hand: the first
 * toLocaleString loads ICU's number formatting, 10-40 ms of a 100 ms `history --stats`.
 */
export const formatCount = (n: number): string => (Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+$)/g, ',') : n.toLocaleString('en-US'));
