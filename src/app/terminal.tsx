import { useEffect } from 'react';
import { useStdout } from 'ink';

/**
 * What the process running the console does with the terminal, for the keys that hand it back:
 * Ctrl-Z suspends to the shell (as htop and vim do), and `fg` calls every resume listener.
 */
export interface TerminalControl {
  /** restore the terminal and stop the process (SIGTSTP); returns once it runs again */
  suspend(): void;
  /** called after the process continues (SIGCONT) and the terminal is set up again; returns unsubscribe */
  onResume(listener: () => void): () => void;
}

/**
 * Draws the whole last frame again after a resume: Ink's own write path erases what it believes
 * is on screen and writes its last frame, which a re-render would skip as unchanged.
 */
export function RedrawOnResume({ terminal }: { terminal?: TerminalControl }) {
  const { write } = useStdout();
  useEffect(() => terminal?.onResume(() => write('')), [terminal, write]);
  return null;
}
