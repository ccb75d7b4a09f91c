// What the footer offers, known during the render that changes it (issue 17). A key that closes the
// filter input, opens a dialog or moves to a row where `c` does nothing used to draw two Ink frames:
// the screen's, then the footer's after a layout effect set the new scopes. Here every key handler
// and every marker names itself while it renders; the footer, rendered after the screens in the same
// pass, reads them, and the frame the key draws is complete. What only the commit knows (a handler
// unmounted, the order of two handlers activated together) is compared after it, and the footer is
// drawn again only when it differs.

/** Who hears a key first: a dialog, then an overlay (help, palette), a filter input, the screen, the shell. */
export type Layer = 'dialog' | 'overlay' | 'filter' | 'screen' | 'global';
export const PRIORITY: Record<Layer, number> = { dialog: 4, overlay: 3, filter: 2, screen: 1, global: 0 };
/** These layers take every key while open: nothing beneath hears one. */
export const MODAL: ReadonlySet<Layer> = new Set(['dialog', 'overlay', 'filter']);

interface Ranked {
  readonly layer: Layer;
  /** when it last started to hear keys: a later handler on the same layer hears first */
  readonly seq: number;
  readonly scopes: readonly string[];
}

const byPriority = (a: Ranked, b: Ranked): number => PRIORITY[b.layer] - PRIORITY[a.layer] || b.seq - a.seq;

/** The scopes of the handlers that hear keys now: the top modal layer alone, else screen and shell. */
export function liveScopes(entries: readonly Ranked[]): string[] {
  const sorted = [...entries].sort(byPriority);
  const top = sorted[0];
  const heard = top && MODAL.has(top.layer) ? sorted.filter((e) => e.seq === top.seq) : sorted;
  return [...new Set(heard.flatMap((e) => e.scopes))];
}

/** One key handler as its last render described it. */
export interface HandlerNote {
  layer: Layer;
  scopes: readonly string[];
  active: boolean;
  /** the dispatch order its layout effect gave it; null until then (it sorts as the newest) */
  seq: number | null;
  /** render order among those still waiting for their effect */
  pending: number;
}

export const newHandlerNote = (): HandlerNote => ({ layer: 'screen', scopes: [], active: false, seq: null, pending: 0 });

/** The footer's scopes: key handlers and markers, as named by the latest renders. */
export class FooterScopes {
  private readonly handlers = new Set<HandlerNote>();
  private readonly markers = new Map<object, string>();
  private pendingCount = 0;
  /** what the footer last showed */
  private seen = '';

  /** `poke` draws the footer again. */
  constructor(private readonly poke: () => void) {}

  /** During a key handler's render. */
  noteHandler(note: HandlerNote, layer: Layer, scopes: readonly string[], active: boolean): void {
    if (active && !note.active) {
      note.seq = null;
      note.pending = ++this.pendingCount;
    }
    note.layer = layer;
    note.scopes = scopes;
    note.active = active;
    this.handlers.add(note);
  }

  /** During a marker's render: `scope` while `on`. */
  noteMarker(owner: object, scope: string, on: boolean): void {
    if (on) this.markers.set(owner, scope);
    else this.markers.delete(owner);
  }

  /** A handler or marker unmounted. */
  forget(owner: object): void {
    this.handlers.delete(owner as HandlerNote);
    this.markers.delete(owner);
  }

  /** The scopes to show now: the live handlers' (top layer first), then the markers'. */
  now(): string[] {
    const live: Ranked[] = [];
    for (const h of this.handlers) if (h.active) live.push({ layer: h.layer, seq: h.seq ?? Number.MAX_SAFE_INTEGER / 2 + h.pending, scopes: h.scopes });
    return [...liveScopes(live), ...[...new Set(this.markers.values())].sort()];
  }

  /** The footer's render: records what it shows. */
  show(): string[] {
    const scopes = this.now();
    this.seen = scopes.join(' ');
    return scopes;
  }

  /** After a commit: draws the footer again if what it showed is not what holds now. */
  check(): void {
    if (this.now().join(' ') !== this.seen) this.poke();
  }
}
