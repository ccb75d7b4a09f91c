import React from 'react';
import { HelpOverlay, type HelpSectionProps } from '../../components/HelpOverlay.js';
import { helpSections, isCommand } from '../keymap/keymap.js';
import { useKeypress } from './keypress-bus.js';
import { numberedScreens } from './screens.js';

/** The number keys spelled out (`1 Dashboard` … `9 Projects`), from the screens' registry. */
export const screensSection = (): HelpSectionProps => ({
  title: 'Screens (number keys)',
  rows: numberedScreens().map((s) => ({ keys: String(s.number), description: s.title })),
});

/** `?` the keys that worked where help was opened, plus the global ones, from the keymap; then the screens by number. */
export function HelpLayer({ scopes, actions, admin, width, height, onClose }: { scopes: readonly string[]; actions: boolean; admin?: boolean; width: number; height: number; onClose: () => void }) {
  useKeypress(
    'overlay',
    (k) => {
      if (isCommand('help.close', k.name)) onClose();
      return true;
    },
    { scopes: ['help'] },
  );
  const all = [...new Set([...scopes, 'global'])];
  return <HelpOverlay sections={[...helpSections(all, { actions, admin }), screensSection()]} width={width} height={height} />;
}
