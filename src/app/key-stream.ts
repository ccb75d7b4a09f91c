import type { EventEmitter } from 'node:events';
import { unstable_IdlePriority as IDLE, unstable_scheduleCallback as scheduleCallback, unstable_cancelCallback as cancelCallback } from 'scheduler';
import { cutKeys, isPasteOpen, PASTE_END } from '../keymap/key-chunks.js';
import { keysHeld } from './key-hold.js';

/** What Ink reads keys from: process.stdin, or ink-testing-library's stdin (an emitter with read()). */
export interface KeySource extends EventEmitter {
  read(size?: number): string | Buffer | null;
}

export interface KeyFeed {
  /** the raw key Ink is handing to its listeners right now (null between keys) */
  readonly inFlight: () => string | null;
  readonly uninstall: () => void;
}

const ESC = '\u001b';
/** an unfinished paste is handed over as it is if its end does not come */
const PASTE_WAIT_MS = 250;

interface Turn {
  tick?: NodeJS.Immediate;
  task?: unknown;
}

const feeds = new WeakMap<object, { feed: KeyFeed; users: number }>();

/**
 * Makes `stdin` hand Ink one key per 'readable' event, each after the frame the one before made:
 * a read holding several keys (a burst, tmux's send-keys, text then Enter) is cut (cutKeys) and
 * the keys wait in a queue, one handed per turn of the event loop, after React has committed
 * the last one and re-subscribed its input listeners. So every useInput consumer (the keypress
 * bus, ink-text-input) sees each key alone and with the state the key before left.
 *
 * It patches the object in place (its `emit` of 'readable' and its argument-less `read()`, the
 * two Ink uses), so the same code serves the terminal and ink-testing-library's stdin.
 */
export function feedKeysOneByOne(stdin: KeySource): KeyFeed {
  const existing = feeds.get(stdin);
  if (existing) {
    existing.users++;
    return existing.feed;
  }
  const ownRead = Object.hasOwn(stdin, 'read');
  const ownEmit = Object.hasOwn(stdin, 'emit');
  const read = stdin.read;
  const emit = stdin.emit;
  const queue: string[] = [];
  let rest = '';
  let handing: string | null = null;
  let inFlight: string | null = null;
  /** set while a key handed waits for React to settle: the next key must wait too */
  let turn: Turn | undefined;
  let restWait: NodeJS.Timeout | NodeJS.Immediate | undefined;

  const clearRestWait = (): void => {
    if (restWait === undefined) return;
    clearTimeout(restWait as NodeJS.Timeout);
    clearImmediate(restWait as NodeJS.Immediate);
    restWait = undefined;
  };
  /**
   * Hands the next key to Ink's listener. The one after waits for a turn of the event loop (two
   * after a lone Esc, which Ink holds a turn itself), by which time React has queued the render
   * the key asked for, then for an idle task of React's scheduler: it runs once the render, its
   * commit and its effects (Ink's listeners re-subscribed with their new state) have run.
   */
  const handNext = (): void => {
    turn = undefined;
    const key = queue.shift();
    if (key === undefined) return;
    handing = key;
    inFlight = key;
    try {
      emit.call(stdin, 'readable');
    } finally {
      handing = null;
      inFlight = null;
    }
    const t: Turn = {};
    const whenIdle = (): void => {
      t.tick = undefined;
      t.task = scheduleCallback(IDLE, () => {
        t.task = undefined;
        // a screen still loading holds the keys; once loaded, its frame comes before the next key
        const held = keysHeld();
        if (held === undefined) handNext();
        else void held.then(() => turn === t && (t.tick = setImmediate(whenIdle)));
      });
    };
    t.tick = setImmediate(key === ESC ? () => (t.tick = setImmediate(whenIdle)) : whenIdle);
    turn = t;
  };
  const take = (data: string): void => {
    clearRestWait();
    const cut = cutKeys(rest + data);
    queue.push(...cut.keys);
    rest = cut.rest;
    if (rest !== '') {
      // an escape sequence split across reads is finished by the next read, as Ink would; a
      // lone unfinished one is handed as it is (Ink then decides, as for any read)
      const flush = (): void => {
        restWait = undefined;
        const held = rest;
        rest = '';
        const key = isPasteOpen(held) ? cutKeys(`${held}${PASTE_END}`).keys[0] : held;
        if (key) queue.push(key);
        if (turn === undefined) handNext();
      };
      restWait = isPasteOpen(rest) ? setTimeout(flush, PASTE_WAIT_MS) : setImmediate(flush);
    }
    if (turn === undefined) handNext();
  };

  stdin.emit = function (this: KeySource, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== 'readable') return emit.call(this, event, ...args);
    let data = '';
    let chunk: string | Buffer | null;
    while ((chunk = read.call(this)) !== null) data += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (data !== '') take(data);
    return this.listenerCount('readable') > 0;
  } as typeof stdin.emit;
  stdin.read = function (this: KeySource, size?: number): string | Buffer | null {
    if (size !== undefined) return read.call(this, size); // the stream's own read(0) calls
    const key = handing;
    handing = null;
    return key;
  };

  const feed: KeyFeed = {
    inFlight: () => inFlight,
    uninstall: () => {
      const entry = feeds.get(stdin);
      if (entry && --entry.users > 0) return;
      feeds.delete(stdin);
      if (turn?.tick !== undefined) clearImmediate(turn.tick);
      if (turn?.task !== undefined) cancelCallback(turn.task);
      clearRestWait();
      if (ownRead) stdin.read = read;
      else delete (stdin as Partial<KeySource>).read;
      if (ownEmit) stdin.emit = emit;
      else delete (stdin as Partial<KeySource>).emit;
    },
  };
  feeds.set(stdin, { feed, users: 1 });
  return feed;
}
