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

/**
 * Marker scopes bind no key: they tell the footer a command acts on what is shown (`c` on a task
 * that can be cancelled). They are named during the render that shows that thing, and the footer
 * (rendered after the screens) reads them in the same render: a key that moves to a row where
 * `c` does nothing draws one frame, not a second one for the footer (issue 17).
 */
interface Markers {
  /** each hook's scope while it is on */
  readonly on: Map<object, string>;
  /** hooks mounted, on or off: while any is, each key re-renders the footer with the screen */
  readonly hooks: Set<object>;
  /** what the footer last showed, to catch a change that came without a key */
  seen: string;
  /** Records and returns what the footer shows this frame (a method: the marker map is mutable by design). */
  show: () => string;
  /** re-renders the footer */
  poke: () => void;
}
const MarkersContext = createContext<Markers | null>(null);
/** changes with each key while markers are mounted: the footer re-renders in the key's own commit */
const MarkerTickContext = createContext(0);
const markerKey = (m: Markers): string => [...new Set(m.on.values())].sort().join(' ');
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
  const [tick, setTick] = useState(0);
  const markers = useRef<Markers | null>(null);
  if (!markers.current)
    markers.current = {
      on: new Map(),
      hooks: new Set(),
      seen: '',
      poke: () => setTick((n) => n + 1),
      show() {
        this.seen = markerKey(this);
        return this.seen;
      },
    };
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
    if (markers.current!.hooks.size > 0) setTick((n) => n + 1); // batched with what the key changes
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
        <MarkersContext.Provider value={markers.current}>
          <MarkerTickContext.Provider value={tick}>
            <KeyInFlightContext.Provider value={feed ?? noKey}>{children}</KeyInFlightContext.Provider>
          </MarkerTickContext.Provider>
        </MarkersContext.Provider>
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

/**
 * Names the marker `scope` while `on` (a keymap binding's `when`), for the footer of this same
 * frame. It is set during render (a plain map, no state), so the footer, rendered after the
 * screens in the same pass, sees it; a change no key brought is caught after the commit.
 */
export function useScopeMarker(scope: string, on: boolean): void {
  const markers = useContext(MarkersContext);
  if (!markers) throw new Error('useScopeMarker needs a KeypressProvider');
  const me = useRef({}).current;
  markers.hooks.add(me);
  if (on) markers.on.set(me, scope);
  else markers.on.delete(me);
  useLayoutEffect(() => {
    if (markerKey(markers) !== markers.seen) markers.poke();
  });
  useLayoutEffect(
    () => () => {
      markers.hooks.delete(me);
      markers.on.delete(me);
      if (markerKey(markers) !== markers.seen) markers.poke();
    },
    [markers, me],
  );
}

/** The marker scopes named now, for the footer: read during its render, after the screens'. */
export function useScopeMarkers(): readonly string[] {
  const markers = useContext(MarkersContext);
  useContext(MarkerTickContext);
  if (!markers) return [];
  // what this frame's footer shows: the markers' layout effects, run after this render, compare with it
  const shown = markers.show();
  return shown ? shown.split(' ') : [];
}
