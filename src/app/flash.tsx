import React, { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Tone } from '../../components/theme/index.js';
import { isCommand } from '../keymap/keymap.js';
import { useKeypress } from './keypress-bus.js';
import { useNavigation } from './navigation.js';

export interface FlashMessage {
  readonly text: string;
  readonly tone: Tone;
  /** the audit entry `u` undoes while this message shows (and for UNDO_OFFER_MS at most) */
  readonly undo?: number;
}

/** How long the flash line offers to undo the change just made. */
export const UNDO_OFFER_MS = 8_000;
const OFFER = 'u undo · ';

interface Flash {
  readonly message: FlashMessage | null;
  /** shows one line in the footer until the next key; `undo`: the audit entry of the change, offered as `u undo` */
  readonly flash: (text: string, tone?: Tone, undo?: number | null) => void;
  readonly clear: () => void;
  /** the entry whose offer was on screen when the key being handled was pressed, else null */
  readonly undoOffer: () => number | null;
}

const FlashContext = createContext<Flash>({ message: null, flash: () => {}, clear: () => {}, undoOffer: () => null });

export function FlashProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<FlashMessage | null>(null);
  const shown = useRef<FlashMessage | null>(null);
  const offered = useRef<number | null>(null);
  const lapse = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopLapse = (): void => {
    if (lapse.current) clearTimeout(lapse.current);
    lapse.current = null;
  };
  const flash = useCallback((text: string, tone: Tone = 'success', undo?: number | null) => {
    stopLapse();
    if (undo == null) {
      shown.current = { text, tone };
    } else {
      shown.current = { text: OFFER + text, tone, undo };
      // the offer lapses: the line stays, without it
      lapse.current = setTimeout(() => {
        lapse.current = null;
        if (shown.current?.undo !== undo) return;
        shown.current = { text, tone };
        setMessage(shown.current);
      }, UNDO_OFFER_MS);
    }
    setMessage(shown.current);
  }, []);
  // Every key clears: with nothing shown, no setState at all. React keeps even an update that
  // changes nothing queued on this provider until it renders again, which it seldom does: one
  // update per key press stayed in memory (1,000 PgDn: 1,000 updates and closures).
  // The key that clears an offer may be the `u` that takes it: handlers of that key ask undoOffer().
  const clear = useCallback(() => {
    offered.current = shown.current?.undo ?? null;
    if (shown.current === null) return;
    stopLapse();
    shown.current = null;
    setMessage(null);
  }, []);
  const undoOffer = useCallback(() => offered.current, []);
  const value = useMemo(() => ({ message, flash, clear, undoOffer }), [message, flash, clear, undoOffer]);
  return <FlashContext.Provider value={value}>{children}</FlashContext.Provider>;
}

export const useFlash = (): Flash => useContext(FlashContext);

/**
 * `u` while the flash line offers `u undo`: opens the audit entry of the change just made with
 * its undo confirmation. On the shell's layer, so a screen's own `u` (the audit log's) comes first.
 */
export function FlashUndoKey() {
  const { undoOffer } = useFlash();
  const nav = useNavigation();
  useKeypress(
    'global',
    (k) => {
      const id = isCommand('flash.undo', k.name) ? undoOffer() : null;
      if (id === null) return false;
      nav.push('audit-entry', { auditId: String(id), undo: '1' });
      return true;
    },
    { scopes: ['global'] },
  );
  return null;
}
