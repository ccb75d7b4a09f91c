/** What the shell gives every screen. */
export interface ScreenProps {
  /** on top and no overlay open: only then may the screen listen to keys */
  readonly active: boolean;
  /** what the screen was opened with (`taskId`, `filter`) */
  readonly params: Readonly<Record<string, string>>;
  readonly width: number;
  /** lines the screen may use; the shell keeps the whole frame under the terminal's height */
  readonly height: number;
}
