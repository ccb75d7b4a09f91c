import { createContext, useContext } from 'react';

/**
 * The raw key (as read from the terminal) the input listeners are hearing now, else null. The
 * app's keypress provider fills it in (src/app/key-stream.ts hands Ink one key at a time); a text
 * field reads it to tell typed text from a control key its input library would also type.
 */
export const KeyInFlightContext = createContext<() => string | null>(() => null);

export const useKeyInFlight = (): (() => string | null) => useContext(KeyInFlightContext);
