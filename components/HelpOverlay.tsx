import React from 'react';
import { Box, Text } from 'ink';
import { ToneText } from './theme/index.js';

export interface HelpSectionProps {
  readonly title: string;
  readonly rows: readonly { readonly keys: string; readonly description: string }[];
}

export interface HelpOverlayProps {
  readonly sections: readonly HelpSectionProps[];
  readonly width: number;
  readonly height: number;
}

const KEYS_WIDTH = 16;

/** Packs sections into columns no taller than `height` (title and a blank line count). */
export function helpColumns(sections: readonly HelpSectionProps[], height: number): HelpSectionProps[][] {
  const cols: HelpSectionProps[][] = [[]];
  let used = 0;
  for (const s of sections) {
    const need = s.rows.length + 2;
    if (used > 0 && used + need > height) {
      cols.push([]);
      used = 0;
    }
    cols[cols.length - 1]!.push(s);
    used += need;
  }
  return cols;
}

/** `?`: every key that works here, in sections generated from the keymap. */
export function HelpOverlay({ sections, width, height }: HelpOverlayProps) {
  const cols = helpColumns(sections, Math.max(3, height - 3));
  const colWidth = Math.max(30, Math.floor((width - 4) / cols.length));
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width} height={height} overflow="hidden">
      <ToneText tone="title">Keys (Esc closes)</ToneText>
      <Box>
        {cols.map((col, c) => (
          <Box key={c} flexDirection="column" width={colWidth}>
            {col.map((s) => (
              <Box key={s.title} flexDirection="column" marginBottom={1}>
                <ToneText tone="accent">{s.title}</ToneText>
                {s.rows.map((r) => (
                  <Box key={`${r.keys} ${r.description}`}>
                    <Box width={KEYS_WIDTH} flexShrink={0}>
                      <ToneText tone="key" wrap="truncate-end">{r.keys}</ToneText>
                    </Box>
                    <Text wrap="truncate-end">{r.description}</Text>
                  </Box>
                ))}
              </Box>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
