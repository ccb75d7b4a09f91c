import { BINDINGS, type CommandId } from './bindings.js';

type Binding = (typeof BINDINGS)[number];
type Scope = Binding['scope'];
/** The commands bound in one scope. */
type CommandIn<S extends Scope> = Extract<Binding, { readonly scope: S }>['command'];

/** What Enter and `/` do on a list: the generic list commands, or the screen's own. */
export interface ListCommands {
  readonly open: CommandId;
  readonly filter: CommandId;
}

/**
 * The screens whose Enter (or `/`) is a command of their own scope, shown in their help with
 * what it opens: the list keys dispatch that command there, so the help says what the key does.
 * Typed so a screen can name only a command bound in its own scope.
 */
const OWN: { readonly [S in Scope]?: { readonly open?: CommandIn<S>; readonly filter?: CommandIn<S> } } = {
  task: { open: 'task.open' },
  sessions: { open: 'session.open' },
  session: { open: 'session.openTask' },
  projects: { open: 'project.open' },
  project: { open: 'project.openLine' },
  users: { open: 'user.open' },
  user: { open: 'user.openTask' },
  'api-keys': { open: 'apiKey.history' },
  audit: { open: 'audit.open' },
  prompts: { filter: 'prompts.search' },
};

/** The commands Enter and `/` dispatch on a list in `scope`. */
export function listCommands(scope: string): ListCommands {
  const own = (OWN as Readonly<Record<string, Partial<ListCommands>>>)[scope];
  return { open: own?.open ?? 'list.open', filter: own?.filter ?? 'list.filter' };
}
