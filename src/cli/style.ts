import type { CommandContext } from './context.js';

/** Semantic colours of the subcommands' output; the plain theme maps every one to nothing. */
export interface Theme {
  readonly color: boolean;
  heading(s: string): string;
  dim(s: string): string;
  ok(s: string): string;
  bad(s: string): string;
  warn(s: string): string;
  muted(s: string): string;
  accent(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => (s === '' ? s : `\u001b[${open}m${s}\u001b[${close}m`);

const COLOR: Theme = {
  color: true,
  heading: sgr(1, 22),
  dim: sgr(2, 22),
  ok: sgr(32, 39),
  bad: sgr(31, 39),
  warn: sgr(33, 39),
  muted: sgr(90, 39),
  accent: sgr(36, 39),
};

const same = (s: string): string => s;
const PLAIN: Theme = { color: false, heading: same, dim: same, ok: same, bad: same, warn: same, muted: same, accent: same };

/** Colour only on a terminal, never with NO_COLOR or --no-color; FORCE_COLOR forces it. */
export function wantsColor(ctx: CommandContext, noColorFlag: boolean): boolean {
  if (noColorFlag || (ctx.env.NO_COLOR ?? '') !== '') return false;
  const force = ctx.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0') return true;
  return ctx.stdout.isTTY === true && ctx.env.TERM !== 'dumb';
}

export const themeFor = (ctx: CommandContext, noColorFlag: boolean): Theme => (wantsColor(ctx, noColorFlag) ? COLOR : PLAIN);

/** A terminal gets a layout cut to its width; a pipe gets every character. */
export const terminalWidth = (ctx: CommandContext): number | undefined => (ctx.stdout.isTTY ? Math.max(40, ctx.stdout.columns || 80) : undefined);
