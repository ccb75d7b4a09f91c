/** Semantic colour tokens: components ask for a meaning, the theme decides how it looks. */
export type Tone = 'title' | 'accent' | 'muted' | 'danger' | 'warning' | 'success' | 'info' | 'badge' | 'key' | 'selected';

/** The subset of Ink's Text props a tone may set. */
export interface TextStyle {
  readonly color?: string;
  readonly backgroundColor?: string;
  readonly bold?: boolean;
  readonly dimColor?: boolean;
  readonly inverse?: boolean;
}

export interface Theme {
  readonly colour: boolean;
  readonly tones: Readonly<Record<Tone, TextStyle>>;
}

export const colourTheme: Theme = {
  colour: true,
  tones: {
    title: { bold: true, color: 'cyan' },
    accent: { color: 'cyan' },
    muted: { color: 'gray' },
    danger: { color: 'red' },
    warning: { color: 'yellow' },
    success: { color: 'green' },
    info: { color: 'blue' },
    badge: { bold: true, color: 'black', backgroundColor: 'yellow' },
    key: { bold: true, color: 'cyan' },
    selected: { inverse: true },
  },
};

/** NO_COLOR and --no-color: no colour at all; weight and inverse still mark what matters. */
export const plainTheme: Theme = {
  colour: false,
  tones: {
    title: { bold: true },
    accent: {},
    muted: {},
    danger: { bold: true },
    warning: {},
    success: {},
    info: {},
    badge: { inverse: true, bold: true },
    key: { bold: true },
    selected: { inverse: true },
  },
};

/** NO_COLOR (any non-empty value, no-color.org) or the flag chooses the plain theme. */
export const themeFor = (noColorFlag: boolean, env: NodeJS.ProcessEnv): Theme => (noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') ? plainTheme : colourTheme);
