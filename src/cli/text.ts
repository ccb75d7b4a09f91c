// Text as the terminal will show it: stored strings made inert, widths in terminal columns.
// The rules live once, in components/text (pure modules, no React): the console and the
// subcommands show the same stored text the same way. This module loads the width tables at
// once; the commands themselves use ./plain-text.ts and ./widths.ts, which load them only when
// text other than printable ASCII is measured.
import { displayWidth } from '../../components/text/width.js';

export { inert, textOf, inertJson, formatCount } from './plain-text.js';
export { displayWidth, truncate } from '../../components/text/width.js';

export const padEnd = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - displayWidth(s)));
export const padStart = (s: string, width: number): string => ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
