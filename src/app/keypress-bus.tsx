import React, { createContext, useCallback, useContext, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useInput, type Key } from 'ink';
import { toKeyPress, type KeyPress } from '../keymap/keys.js';
import { isCommand } from '../keymap/keymap.js';
import { splitChunk, takeKey } from '../keymap/key-chunks.js';

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

const byPriority = (a: Entry, b: Entry): number => PRIORITY[b.layer] - PRIORITY[a.layer] || b.seq - a.seq;

/** Ink named one key; anything else longer than a character is several keys read at once. */
const isChunk = (input: string, key: Key): boolean =>
  input.length > 1 && !key.ctrl && !key.meta && !Object.entries(key).some(([flag, on]) => on === true && flag !== 'shift');

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

  // Keys of one chunk wait here and go one per render: each must see the frame the one before made
  // (Enter opens a detail, then j moves in it), and handlers read state from their last render.
  const queue = useRef<(string | KeyPress)[]>([]);
  const [drained, setDrained] = useState(0);

  const dispatch = (press: KeyPress): void => {
    if (isCommand('app.forceQuit', press.name)) return interrupt.current();
    if (press.name === 'ctrl+z' && suspend.current) return suspend.current();
    heard.current?.();
    for (const e of [...entries.current].sort(byPriority)) {
      if (e.handler.current(press) || MODAL.has(e.layer)) return;
    }
  };
  const dispatchNext = (): void => {
    const piece = queue.current.shift();
    if (piece === undefined) return;
    if (typeof piece !== 'string') return dispatchThenRender(piece);
    const top = [...entries.current].sort(byPriority)[0];
    const [press, rest] = takeKey(piece, top?.layer === 'filter');
    if (rest) queue.current.unshift(rest);
    dispatchThenRender(press);
  };
  const dispatchThenRender = (press: KeyPress): void => {
    dispatch(press);
    setDrained((n) => n + 1); // a render even when the key changed nothing, so the queue moves on
  };
  const next = useRef(dispatchNext);
  next.current = dispatchNext;

  useInput((input, key) => {
    const idle = queue.current.length === 0;
    if (isChunk(input, key)) queue.current.push(...splitChunk(input));
    else if (!idle) queue.current.push(toKeyPress(input, key));
    else return dispatch(toKeyPress(input, key));
    if (idle) next.current();
  });
  // After each commit (handlers and layers up to date), the next queued key, in a later tick.
  useEffect(() => {
    if (queue.current.length === 0) return;
    const tick = setImmediate(() => next.current());
    return () => clearImmediate(tick);
  }, [drained]);

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
      <ScopesContext.Provider value={scopes}>{children}</ScopesContext.Provider>
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

/** The keymap scopes that hear keys now, top layer first. */
export const useActiveScopes = (): readonly string[] => useContext(ScopesContext);
