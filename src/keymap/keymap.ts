import { ANY_KEY, BINDINGS, SCOPES, type CommandId, type KeyBinding } from './bindings.js';
import { displayKey } from './keys.js';

export type { CommandId } from './bindings.js';

/** Whether a key press (by name) triggers a command; a binding of ANY_KEY is triggered by every key. */
export function isCommand(command: CommandId, keyName: string, bindings: readonly KeyBinding[] = BINDINGS): boolean {
  return bindings.some((b) => b.command === command && (b.keys.includes(keyName) || b.keys.includes(ANY_KEY)));
}

/** The keys of a binding as people read them: `j ↓`, `1-9`. */
export const bindingKeys = (b: KeyBinding): string => b.label ?? b.keys.map(displayKey).join(' ');

export interface KeymapView {
  /** the operator may change things: action bindings are listed */
  readonly actions: boolean;
  /** the operator is an admin (unset: as if they were): admin-only bindings are listed */
  readonly admin?: boolean;
}

/** The bindings of some scopes, without the actions this operator cannot take. */
export function bindingsFor(scopes: readonly string[], view: KeymapView, bindings: readonly KeyBinding[] = BINDINGS): KeyBinding[] {
  return bindings.filter((b) => scopes.includes(b.scope) && (view.actions || !b.action) && (view.admin !== false || !b.admin));
}

export interface HelpSection {
  readonly title: string;
  readonly rows: readonly { readonly keys: string; readonly description: string }[];
}

/** Help sections for some scopes, in the keymap's scope order. */
export function helpSections(scopes: readonly string[], view: KeymapView): HelpSection[] {
  const known = SCOPES.map((s) => s.scope);
  const ordered = [...SCOPES.filter((s) => scopes.includes(s.scope)), ...scopes.filter((s) => !known.includes(s)).map((s) => ({ scope: s, title: s }))];
  return ordered
    .map(({ scope, title }) => ({
      title,
      rows: bindingsFor([scope], view).map((b) => ({ keys: bindingKeys(b), description: b.description })),
    }))
    .filter((s) => s.rows.length > 0);
}

/** Footer hints for where the operator is: the top layer's scopes first. */
export function footerHints(scopes: readonly string[], view: KeymapView): { command: string; keys: string; description: string }[] {
  const seen = new Set<string>();
  return bindingsFor(scopes, view)
    .filter((b) => b.hint && (!b.when || scopes.includes(b.when)))
    .sort((a, b) => scopes.indexOf(a.scope) - scopes.indexOf(b.scope))
    .filter((b) => !seen.has(bindingKeys(b)) && seen.add(bindingKeys(b))) // a screen's Enter hides the list's
    .map((b) => ({ command: b.command, keys: bindingKeys(b), description: b.hint! }));
}

const cell = (s: string): string => s.replace(/\|/g, '\\|');

/** The README key table, one section per scope, generated from the same data as the help. */
export function keymapMarkdown(): string {
  const all = SCOPES.map((s) => s.scope);
  const out: string[] = [];
  for (const section of helpSections(all, { actions: true })) {
    out.push(`### ${section.title}`, '', '| keys | what it does |', '|---|---|');
    for (const r of section.rows)
      out.push(
        `| ${cell(
          r.keys
            .split(' ')
            .map((k) => `\`${k}\``)
            .join(' '),
        )} | ${cell(r.description)} |`,
      );
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}
