import React, { createContext, useCallback, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useInput, useStdin } from 'ink';
import { toKeyPress, type KeyPress } from '../keymap/keys.js';
import { isCommand } from '../keymap/keymap.js';
import { feedKeysOneByOne, type KeySource } from './key-stream.js';
import { KeyInFlightContext } from '../../components/key-in-flight.js';
import { FooterScopes, MODAL, PRIORITY, liveScopes, newHandlerNote, type Layer } from './footer-scopes.js';

export type { Layer } from './footer-scopes.js';

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
/** the footer's scopes as the latest renders named them (footer-scopes.ts) */
const FooterContext = createContext<FooterScopes | null>(null);
/** changes with each key: the footer re-renders in the key's own commit, after the screens */
const KeyTickContext = createContext(0);
/** the keymap scopes that hear keys at the moment it is called, top layer first (for the help) */
const ScopesNowContext = createContext<() => readonly string[]>(() => []);
let sequence = 0;
let lastKeyAt = 0;

/** Milliseconds since the console last read a key: background work waits for a pause (use-time-order-scan.ts). */
export const msSinceLastKey = (): number => Date.now() - lastKeyAt;

const byPriority = (a: Entry, b: Entry): number => PRIORITY[b.layer] - PRIORITY[a.layer] || b.seq - a.seq;

/**
 * The one subscriber to Ink's input: routes each key to the top layer first. `onInterrupt` gets
 * Ctrl-C from anywhere, `onSuspend` Ctrl-Z; `onKey` hears every key first (it clears the last action's message).
 */
export function KeypressProvider({ children, onInterrupt, onSuspend, onKey }: { children: ReactNode; onInterrupt: () => void; onSuspend?: () => void; onKey?: () => void }) {
  const entries = useRef(new Set<Entry>());
  const suspend = useRef(onSuspend);
  suspend.current = onSuspend;
  const [tick, setTick] = useState(0);
  const footer = useRef<FooterScopes | null>(null);
  if (!footer.current) footer.current = new FooterScopes(() => setTick((n) => n + 1));
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
    setTick((n) => n + 1); // batched with what the key changes: the footer renders with the screen
    for (const e of [...entries.current].sort(byPriority)) {
      if (e.handler.current(press) || MODAL.has(e.layer)) return;
    }
  });

  const add = useCallback<Add>((e) => {
    entries.current.add(e);
    return () => void entries.current.delete(e);
  }, []);
  const scopesNow = useCallback(() => liveScopes([...entries.current]), []);
  return (
    <AddContext.Provider value={add}>
      <ScopesNowContext.Provider value={scopesNow}>
        <FooterContext.Provider value={footer.current}>
          <KeyTickContext.Provider value={tick}>
            <KeyInFlightContext.Provider value={feed ?? noKey}>{children}</KeyInFlightContext.Provider>
          </KeyTickContext.Provider>
        </FooterContext.Provider>
      </ScopesNowContext.Provider>
    </AddContext.Provider>
  );
}

/**
 * Hears keys on a layer while `active`. A later handler on the same layer hears first.
 * `scopes` name the keymap sections this handler serves (for the footer and the help).
 */
export function useKeypress(layer: Layer, handler: KeyHandler, options: { active?: boolean; scopes?: readonly string[] } = {}): void {
  const add = useContext(AddContext);
  const footer = useContext(FooterContext);
  if (!add || !footer) throw new Error('useKeypress needs a KeypressProvider');
  const ref = useRef(handler);
  ref.current = handler;
  const active = options.active ?? true;
  const scopeKey = (options.scopes ?? []).join(' ');
  const note = useRef(newHandlerNote()).current;
  // named during render, for the footer of this same frame
  footer.noteHandler(note, layer, scopeKey ? scopeKey.split(' ') : [], active);
  // Layout effect: a layer hears keys from the frame it first appears in, not a tick later.
  useLayoutEffect(() => {
    if (!active) return;
    note.seq = ++sequence;
    return add({ layer, seq: note.seq, scopes: scopeKey ? scopeKey.split(' ') : [], handler: ref });
  }, [add, layer, active, scopeKey, note]);
  useFooterCheck(footer, note);
}

/** After each commit of the hook's component: the footer is drawn again if it showed otherwise; and when it unmounts. */
function useFooterCheck(footer: FooterScopes, owner: object): void {
  useLayoutEffect(() => footer.check());
  useLayoutEffect(
    () => () => {
      footer.forget(owner);
      footer.check();
    },
    [footer, owner],
  );
}

const noKey = (): null => null;

/** A function giving the keymap scopes that hear keys when it is called, top layer first. */
export const useScopesNow = (): (() => readonly string[]) => useContext(ScopesNowContext);

/**
 * Names the marker `scope` while `on` (a keymap binding's `when`: `c` on a task that can be
 * cancelled): a marker binds no key, it tells the footer a command acts on what is shown. Named
 * during render, for the footer of this same frame.
 */
export function useScopeMarker(scope: string, on: boolean): void {
  const footer = useContext(FooterContext);
  if (!footer) throw new Error('useScopeMarker needs a KeypressProvider');
  const me = useRef({}).current;
  footer.noteMarker(me, scope, on);
  useFooterCheck(footer, me);
}

/** The footer's scopes: the handlers' that hear keys, then the markers', read during its render (after the screens'). */
export function useFooterScopes(): readonly string[] {
  const footer = useContext(FooterContext);
  useContext(KeyTickContext);
  return footer ? footer.show() : [];
}
