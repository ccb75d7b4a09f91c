/**
 * Keys wait while a screen's module loads. A key that opens a screen not yet loaded (the console
 * preloads them after its first frame; an operator can be quicker) would otherwise hand the keys
 * after it to nobody: the old screen is gone and the new one has not registered its keys. The
 * screen that waits says so here; the key feed (key-stream.ts) hands the next key only once
 * every hold has settled, then after the frame the loaded screen makes.
 */
const holds = new Set<Promise<unknown>>();

/** Holds the keys after the one being handled until `work` settles (whether it loads or fails). */
export function holdKeysUntil(work: Promise<unknown>): void {
  if (holds.has(work)) return;
  holds.add(work);
  const release = (): void => void holds.delete(work);
  work.then(release, release);
}

/** A promise for the holds now pending, or undefined when keys may go on at once. */
export function keysHeld(): Promise<unknown> | undefined {
  return holds.size === 0 ? undefined : Promise.allSettled([...holds]);
}
