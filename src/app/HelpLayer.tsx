import React, { useState } from 'react';
import { HelpOverlay, helpPages, type HelpSectionProps } from '../../components/HelpOverlay.js';
import { helpSections, isCommand } from '../keymap/keymap.js';
import { useKeypress } from './keypress-bus.js';
import { numberedScreens } from './screens.js';

/** The number keys spelled out (`1 Dashboard` … `9 Projects`), from the screens' registry. */
export const screensSection = (): HelpSectionProps => ({
  title: 'Screens (number keys)',
  rows: numberedScreens().map((s) => ({ keys: String(s.number), description: s.title })),
  pairs: true,
});

/**
 * `?` the keys that worked where help was opened, plus the global ones, from the keymap; then the
 * screens by number. When they take more than one page, the list keys page through them.
 */
export function HelpLayer({ scopes, actions, admin, width, height, onClose }: { scopes: readonly string[]; actions: boolean; admin?: boolean; width: number; height: number; onClose: () => void }) {
  const [page, setPage] = useState(0);
  const all = [...new Set([...scopes, 'global'])];
  const sections = [...helpSections(all, { actions, admin }), screensSection()];
  const last = helpPages(sections, width, height).length - 1;
  const at = Math.min(page, last);
  useKeypress(
    'overlay',
    (k) => {
      if (isCommand('help.close', k.name)) onClose();
      else if (isCommand('list.pageDown', k.name) || isCommand('list.down', k.name)) setPage(Math.min(at + 1, last));
      else if (isCommand('list.pageUp', k.name) || isCommand('list.up', k.name)) setPage(Math.max(at - 1, 0));
      return true;
    },
    { scopes: ['help'] },
  );
  return <HelpOverlay sections={sections} width={width} height={height} page={at} />;
}
