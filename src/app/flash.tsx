import React, { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Tone } from '../../components/theme/index.js';

export interface FlashMessage {
  readonly text: string;
  readonly tone: Tone;
}

interface Flash {
  readonly message: FlashMessage | null;
  /** shows one line in the footer until the next key */
  readonly flash: (text: string, tone?: Tone) => void;
  readonly clear: () => void;
}

const FlashContext = createContext<Flash>({ message: null, flash: () => {}, clear: () => {} });

export function FlashProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<FlashMessage | null>(null);
  const shown = useRef<FlashMessage | null>(null);
  const flash = useCallback((text: string, tone: Tone = 'success') => {
    shown.current = { text, tone };
    setMessage(shown.current);
  }, []);
  // Every key clears: with nothing shown, no setState at all. React keeps even an update that
  // changes nothing queued on this provider until it renders again, which it seldom does: one
  // update per key press stayed in memory (1,000 PgDn: 1,000 updates and closures).
  const clear = useCallback(() => {
    if (shown.current === null) return;
    shown.current = null;
    setMessage(null);
  }, []);
  const value = useMemo(() => ({ message, flash, clear }), [message, flash, clear]);
  return <FlashContext.Provider value={value}>{children}</FlashContext.Provider>;
}

export const useFlash = (): Flash => useContext(FlashContext);
