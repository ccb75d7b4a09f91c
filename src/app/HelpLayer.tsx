import React from 'react';
import { HelpOverlay } from '../../components/HelpOverlay.js';
import { helpSections, isCommand } from '../keymap/keymap.js';
import { useKeypress } from './keypress-bus.js';

/** `?` the keys that worked where help was opened, plus the global ones, from the keymap. */
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
  return <HelpOverlay sections={helpSections(all, { actions, admin })} width={width} height={height} />;
}
