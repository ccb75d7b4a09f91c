import React, { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
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
  const flash = useCallback((text: string, tone: Tone = 'success') => setMessage({ text, tone }), []);
  const clear = useCallback(() => setMessage((m) => (m === null ? m : null)), []);
  const value = useMemo(() => ({ message, flash, clear }), [message, flash, clear]);
  return <FlashContext.Provider value={value}>{children}</FlashContext.Provider>;
}

export const useFlash = (): Flash => useContext(FlashContext);
