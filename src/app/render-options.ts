// Ink's render options for the console at a terminal, shared by src/commands/console.ts and the
// bench (src/bench/ink-harness.ts), so that the key-to-frame figures are those of the real path.
// No Ink import here: the subcommands never load Ink.

export const INK_RENDER_OPTIONS = {
  /**
   * Ink draws the first commit after a pause at once and holds any commit that follows within
   * 1000/maxFps ms. A key often commits twice in one turn (End: the rows, then the footer's hints
   * for the new row; Enter on a filter: the rows, then the scopes without the filter input), so at
   * 60 the frame that completes the answer waited up to 17 ms. Keys are fed one per render
   * (key-stream.ts), so there is no burst for a longer wait to save.
   */
  maxFps: 1000,
  // Not `incrementalRendering`: in Ink 6.8.0 it moves the cursor one line short when the frame is
  // shorter than the terminal (as the console's always is, so that Ink does not clear the whole
  // screen each frame): every frame after the first is drawn one line low, and the old lines stay
  // (seen in tmux with a five-line Ink app: the line below a changed one vanished). Ink's standard output
  // erases and rewrites the frame, inside one synchronized-output update.
} as const;
