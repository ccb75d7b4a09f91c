import React, { createContext, useCallback, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useInput, useStdin } from 'ink';
import { toKeyPress, type KeyPress } from '../keymap/keys.js';
import { isCommand } from '../keymap/keymap.js';
import { feedKeysOneByOne, type KeySource } from './key-stream.js';
import { KeyInFlightContext } from '../../components/key-in-flight.js';

/** Who hears a key first: a dialog, then an overlay (help, palette), a filter input, the screen, the shell. */
export type Layer = 'dialog' | 'overlay' | 'filter' | 'screen' | 'global';
const PRIORITY: Record<Layer, number> = { dialog: 4, overlay: 3, filter: 2, screen: 1, global: 0 };
/** These layers take every key while open: nothing beneath hears one. */
const MODAL: ReadonlySet<Layer> = new Set(['dialog', 'overlay', 'filter']);

/** Returns true when it consumed the key. */
export type KeyHandler = (k: KeyPress) => boolean;

interface Entry {
  readonly layer: Layer;
  readonly seq: number;
  readonly scopes: readonly string[];
  readonly handler: { current: KeyHandler };
}

type Add = (e: Entry) => () => void;

const AddContext = createContext<Add | null>(null);
/** the keymap scopes that work now, top layer first */
const ScopesContext = createContext<readonly string[]>([]);
let sequence = 0;
let lastKeyAt = 0;

/** Milliseconds since the console last read a key: background work waits for a pause (use-time-order-scan.ts). */
export const msSinceLastKey = (): number => Date.now() - lastKeyAt;

const byPriority = (a: Entry, b: Entry): number => PRIORITY[b.layer] - PRIORITY[a.layer] || b.seq - a.seq;

/** The scopes of the entries that hear keys now: the top modal layer alone, else screen and shell. */
function liveScopes(entries: readonly Entry[]): string[] {
  const sorted = [...entries].sort(byPriority);
  const top = sorted[0];
  const heard = top && MODAL.has(top.layer) ? sorted.filter((e) => e.seq === top.seq) : sorted;
  return [...new Set(heard.flatMap((e) => e.scopes))];
}

/**
 * The one subscriber to Ink's input: routes each key to the top layer first. `onInterrupt` gets
 * Ctrl-C from anywhere, `onSuspend` Ctrl-Z; `onKey` hears every key first (it clears the last action's message).
 */
export function KeypressProvider({ children, onInterrupt, onSuspend, onKey }: { children: ReactNode; onInterrupt: () => void; onSuspend?: () => void; onKey?: () => void }) {
  const entries = useRef(new Set<Entry>());
  const suspend = useRef(onSuspend);
  suspend.current = onSuspend;
  const [scopes, setScopes] = useState<readonly string[]>([]);
  const interrupt = useRef(onInterrupt);
  interrupt.current = onInterrupt;
  const heard = useRef(onKey);
  heard.current = onKey;

  // Every key arrives alone, after the frame the key before made: the stream Ink reads is fed one
  // key at a time (key-stream.ts), so a burst, a paste or text-then-Enter acts fully here and in
  // every other input listener (ink-text-input) alike.
  const { stdin } = useStdin();
  const [feed, setFeed] = useState<(() => string | null) | null>(null);
  useLayoutEffect(() => {
    const f = feedKeysOneByOne(stdin as unknown as KeySource);
    setFeed(() => f.inFlight);
    return f.uninstall;
  }, [stdin]);

  useInput((input, key) => {
    lastKeyAt = Date.now();
    const press = toKeyPress(input, key);
    if (isCommand('app.forceQuit', press.name)) return interrupt.current();
    if (isCommand('app.suspend', press.name) && suspend.current) return suspend.current();
    heard.current?.();
    for (const e of [...entries.current].sort(byPriority)) {
      if (e.handler.current(press) || MODAL.has(e.layer)) return;
    }
  });

  const add = useCallback<Add>((e) => {
    entries.current.add(e);
    setScopes(liveScopes([...entries.current]));
    return () => {
      entries.current.delete(e);
      setScopes(liveScopes([...entries.current]));
    };
  }, []);
  return (
    <AddContext.Provider value={add}>
      <ScopesContext.Provider value={scopes}>
        <KeyInFlightContext.Provider value={feed ?? noKey}>{children}</KeyInFlightContext.Provider>
      </ScopesContext.Provider>
    </AddContext.Provider>
  );
}

/**
 * Hears keys on a layer while `active`. A later handler on the same layer hears first.
 * `scopes` name the keymap sections this handler serves (for the footer and the help).
 */
export function useKeypress(layer: Layer, handler: KeyHandler, options: { active?: boolean; scopes?: readonly string[] } = {}): void {
  const add = useContext(AddContext);
  if (!add) throw new Error('useKeypress needs a KeypressProvider');
  const ref = useRef(handler);
  ref.current = handler;
  const active = options.active ?? true;
  const scopeKey = (options.scopes ?? []).join(' ');
  // Layout effect: a layer hears keys from the frame it first appears in, not a tick later.
  useLayoutEffect(() => {
    if (!active) return;
    return add({ layer, seq: ++sequence, scopes: scopeKey ? scopeKey.split(' ') : [], handler: ref });
  }, [add, layer, active, scopeKey]);
}

const noKey = (): null => null;

/** The keymap scopes that hear keys now, top layer first. */
export const useActiveScopes = (): readonly string[] => useContext(ScopesContext);
