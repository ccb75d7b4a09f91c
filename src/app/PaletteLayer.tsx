import React, { useState } from 'react';
import { Palette, filterPaletteItems } from '../../components/Palette.js';
import { isCommand } from '../keymap/keymap.js';
import { useKeypress } from './keypress-bus.js';
import { numberedScreens } from './screens.js';

/** `:` the palette on the overlay layer: typing narrows, arrows choose, Enter jumps, Esc closes. */
export function PaletteLayer({ width, height, onGo, onClose }: { width: number; height?: number; onGo: (screen: string) => void; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const items = filterPaletteItems(
    numberedScreens().map((s) => ({ id: s.id, title: s.title, number: s.number })),
    query,
  );
  const at = Math.min(selected, Math.max(0, items.length - 1));
  useKeypress(
    'overlay',
    (k) => {
      if (isCommand('palette.close', k.name)) onClose();
      else if (isCommand('palette.go', k.name) && items[at]) onGo(items[at].id);
      else if (isCommand('palette.down', k.name)) setSelected(Math.min(at + 1, items.length - 1));
      else if (isCommand('palette.up', k.name)) setSelected(Math.max(at - 1, 0));
      return true; // typed keys are the query field's (ink-text-input in Palette)
    },
    { scopes: ['palette'] },
  );
  const onQuery = (next: string): void => {
    setQuery(next);
    setSelected(0);
  };
  return <Palette query={query} items={items} selected={at} width={width} height={height} onQuery={onQuery} />;
}
