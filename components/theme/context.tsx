import React, { createContext, useContext, type ReactNode } from 'react';
import { Text } from 'ink';
import { colourTheme, type Theme, type Tone } from './tokens.js';

const ThemeContext = createContext<Theme>(colourTheme);

export function ThemeProvider({ theme, children }: { theme: Theme; children: ReactNode }) {
  return <ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>;
}

export const useTheme = (): Theme => useContext(ThemeContext);

export interface ToneTextProps {
  tone?: Tone;
  /** also inverse: the selected row */
  selected?: boolean;
  wrap?: 'wrap' | 'truncate-end' | 'truncate';
  children?: ReactNode;
}

/** Text in a semantic tone of the current theme. */
export function ToneText({ tone, selected, wrap, children }: ToneTextProps) {
  const { tones } = useTheme();
  const style = { ...(tone ? tones[tone] : {}), ...(selected ? tones.selected : {}) };
  return (
    <Text {...style} wrap={wrap}>
      {children}
    </Text>
  );
}
