/**
 * The one keymap: every key the console answers to, as data. The help overlay, the footer hints
 * and the README key table are generated from it; handlers look their keys up here by command.
 */
export interface KeyBinding {
  /** what the key does, as a stable id handlers ask for: `list.down`, `task.cancel` (see CommandId) */
  readonly command: string;
  /** normalised key names (see keys.ts): `j`, `down`, `ctrl+f`, `pagedown`, `enter`, `esc`; ANY_KEY: every key */
  readonly keys: readonly string[];
  /** how the keys are shown when listing each would be noise (`1-9`) */
  readonly label?: string;
  readonly description: string;
  /** where it works: a layer (`global`, `list`, `filter`, `dialog`, `palette`, `help`) or a screen's scope */
  readonly scope: string;
  /** shown in the footer line, with this short label */
  readonly hint?: string;
  /** changes the database: hidden when the console is read-only or the operator is a viewer */
  readonly action?: boolean;
  /** an admin-only action: hidden from developers too (the action refuses them anyway) */
  readonly admin?: boolean;
  /** hinted in the footer only while a screen names this scope (the selected row can take the action) */
  readonly when?: string;
}

/** Section titles of the help overlay and the README table, in their order. */
export const SCOPES: readonly { readonly scope: string; readonly title: string }[] = [
  { scope: 'global', title: 'Everywhere' },
  { scope: 'list', title: 'Lists' },
  { scope: 'sortable', title: 'Sorting (lists)' },
  { scope: 'filter', title: 'Filter input' },
  { scope: 'palette', title: 'Palette' },
  { scope: 'dialog', title: 'Confirmations' },
  { scope: 'help', title: 'Help' },
  { scope: 'tasks', title: 'Tasks' },
  { scope: 'task', title: 'Task detail' },
  { scope: 'sessions', title: 'Sessions' },
  { scope: 'session', title: 'Session detail' },
  { scope: 'projects', title: 'Projects' },
  { scope: 'project', title: 'Project detail' },
  { scope: 'dashboard', title: 'Dashboard' },
  { scope: 'prompts', title: 'Prompts' },
  { scope: 'prompt', title: 'Prompt detail' },
  { scope: 'picker', title: 'Filter lists' },
  { scope: 'form', title: 'Forms' },
  { scope: 'users', title: 'Users' },
  { scope: 'user', title: 'User detail' },
  { scope: 'role-picker', title: 'Role list' },
  { scope: 'api-keys', title: 'API keys' },
  { scope: 'typed', title: 'Typed confirmations' },
  { scope: 'secret', title: 'A new key, shown once' },
  { scope: 'audit', title: 'Audit log' },
  { scope: 'audit-entry', title: 'Audit entry' },
  { scope: 'notice', title: 'Why an undo cannot be done' },
  { scope: 'schedules', title: 'Schedules' },
  { scope: 'schedule', title: 'Schedule detail' },
];

const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The key name a binding lists when every key does it (a message that any key closes). */
export const ANY_KEY = '*';

export const BINDINGS = [
  { command: 'app.help', keys: ['?'], description: 'help: every key that works here', scope: 'global', hint: 'help' },
  { command: 'app.palette', keys: [':'], description: 'palette: type a screen name, Enter jumps', scope: 'global', hint: 'jump' },
  { command: 'app.screen', keys: digits, label: '1-9', description: 'go to screen by number', scope: 'global' },
  { command: 'app.back', keys: ['esc'], description: 'back to the previous view', scope: 'global', hint: 'back' },
  { command: 'app.refresh', keys: ['r'], description: 'refresh now (changes by others show within 2 s anyway)', scope: 'global' },
  { command: 'app.quit', keys: ['q'], description: 'quit at the top level; in a view opened from another, back (as Esc)', scope: 'global', hint: 'quit' },
  { command: 'app.forceQuit', keys: ['ctrl+c'], description: 'quit from anywhere, restoring the terminal', scope: 'global' },
  { command: 'app.suspend', keys: ['ctrl+z'], description: 'suspend to the shell; fg brings the console back, redrawn', scope: 'global' },
  { command: 'flash.undo', keys: ['u'], description: 'undo the change just made, while the message line offers it (8 s; asks first)', scope: 'global', action: true },

  { command: 'list.down', keys: ['j', 'down'], description: 'next row', scope: 'list' },
  { command: 'list.up', keys: ['k', 'up'], description: 'previous row', scope: 'list' },
  { command: 'list.pageDown', keys: ['pagedown', 'ctrl+f'], description: 'next page', scope: 'list' },
  { command: 'list.pageUp', keys: ['pageup', 'ctrl+b'], description: 'previous page', scope: 'list' },
  { command: 'list.first', keys: ['g', 'home'], description: 'first row', scope: 'list' },
  { command: 'list.last', keys: ['G', 'end'], description: 'last row', scope: 'list' },
  { command: 'list.open', keys: ['enter'], description: 'open the selected row', scope: 'list', hint: 'open' },
  { command: 'list.filter', keys: ['/'], description: 'filter (field:value words and text)', scope: 'list', hint: 'filter' },
  { command: 'list.sortNext', keys: ['>'], description: 'sort by the next column to the right (the header marks it ↑ or ↓)', scope: 'sortable' },
  { command: 'list.sortPrev', keys: ['<'], description: 'sort by the next column to the left', scope: 'sortable' },
  { command: 'list.sortFlip', keys: ['~'], description: 'reverse the sort (ascending / descending)', scope: 'sortable' },

  { command: 'filter.apply', keys: ['enter'], description: 'apply the filter', scope: 'filter', hint: 'apply' },
  { command: 'filter.clear', keys: ['esc'], description: 'clear the filter and close', scope: 'filter', hint: 'clear' },

  { command: 'palette.down', keys: ['down', 'ctrl+n'], description: 'next screen', scope: 'palette' },
  { command: 'palette.up', keys: ['up', 'ctrl+p'], description: 'previous screen', scope: 'palette' },
  { command: 'palette.go', keys: ['enter'], description: 'go to the selected screen', scope: 'palette', hint: 'go' },
  { command: 'palette.close', keys: ['esc'], description: 'close the palette', scope: 'palette', hint: 'close' },

  { command: 'dialog.yes', keys: ['y'], description: 'yes, do it', scope: 'dialog', hint: 'yes' },
  { command: 'dialog.no', keys: ['n', 'esc'], description: 'no, leave it (selected first)', scope: 'dialog', hint: 'no' },
  { command: 'dialog.toggle', keys: ['left', 'right', 'tab', 'h', 'l'], description: 'move between No and Yes', scope: 'dialog' },
  { command: 'dialog.choose', keys: ['enter'], description: 'choose the selected answer', scope: 'dialog', hint: 'choose' },

  { command: 'help.close', keys: ['esc', '?', 'q'], description: 'close the help', scope: 'help', hint: 'close' },

  {
    command: 'task.cancel',
    keys: ['c'],
    description: 'cancel the pending, queued or running task with its subtasks (asks first)',
    scope: 'tasks',
    hint: 'cancel',
    action: true,
    when: 'task-cancellable',
  },
  {
    command: 'task.cancel',
    keys: ['c'],
    description: 'cancel this task if pending, queued or running, with its subtasks (asks first)',
    scope: 'task',
    hint: 'cancel',
    action: true,
    when: 'task-cancellable',
  },
  { command: 'task.open', keys: ['enter'], description: 'open the parent, subtask or session under the cursor', scope: 'task', hint: 'open' },
  { command: 'session.open', keys: ['enter'], description: 'open the session: tokens, cost, times and its task', scope: 'sessions', hint: 'open' },
  { command: 'session.openTask', keys: ['enter'], description: "open the session's task (on the task line)", scope: 'session', hint: 'open task' },
  { command: 'project.open', keys: ['enter'], description: 'open the project: settings, counts and cost, its tasks, schedules and keys', scope: 'projects', hint: 'open' },
  { command: 'project.openLine', keys: ['enter'], description: 'open what the line names: its tasks, a task, its schedules or a schedule, its keys', scope: 'project', hint: 'open' },
  { command: 'dashboard.nextPanel', keys: ['tab', 'right', 'l'], description: 'next panel: running now, schedules, audit events', scope: 'dashboard', hint: 'panel' },
  { command: 'dashboard.prevPanel', keys: ['left', 'h'], description: 'previous panel', scope: 'dashboard' },
  { command: 'dashboard.down', keys: ['j', 'down'], description: "next row of the panel (from the last, the next panel's first)", scope: 'dashboard' },
  { command: 'dashboard.up', keys: ['k', 'up'], description: 'previous row of the panel', scope: 'dashboard' },
  { command: 'dashboard.open', keys: ['enter'], description: 'open the selected running task, schedule or audit event', scope: 'dashboard', hint: 'open' },

  { command: 'user.open', keys: ['enter'], description: 'open the user: permissions per project, recent tasks', scope: 'users', hint: 'open' },
  { command: 'user.role', keys: ['e'], description: 'change the role: pick admin, developer or viewer, then confirm (admins only)', scope: 'users', hint: 'role', action: true, admin: true },
  { command: 'user.active', keys: ['d'], description: 'deactivate or reactivate (asks first; admins only)', scope: 'users', hint: '(de)activate', action: true, admin: true },
  { command: 'user.openTask', keys: ['enter'], description: 'open the recent task under the cursor', scope: 'user', hint: 'open task' },
  { command: 'user.role', keys: ['e'], description: 'change the role: pick admin, developer or viewer, then confirm (admins only)', scope: 'user', hint: 'role', action: true, admin: true },
  { command: 'user.active', keys: ['d'], description: 'deactivate or reactivate (asks first; admins only)', scope: 'user', hint: '(de)activate', action: true, admin: true },
  { command: 'role.down', keys: ['j', 'down'], description: 'next role', scope: 'role-picker' },
  { command: 'role.up', keys: ['k', 'up'], description: 'previous role', scope: 'role-picker' },
  { command: 'role.pick', keys: ['enter'], description: 'choose this role (then confirm)', scope: 'role-picker', hint: 'choose' },
  { command: 'role.close', keys: ['esc'], description: 'close the list, nothing changed', scope: 'role-picker', hint: 'cancel' },
  {
    command: 'apiKey.revoke',
    keys: ['x'],
    description: "revoke the key (asks first; keys from the service's environment are not stopped)",
    scope: 'api-keys',
    hint: 'revoke',
    action: true,
    admin: true,
  },
  { command: 'apiKey.cleanup', keys: ['C'], description: 'delete every revoked and expired key (type the word cleanup)', scope: 'api-keys', hint: 'cleanup', action: true, admin: true },
  { command: 'apiKey.new', keys: ['n'], description: 'issue a new key for an agent (shown once)', scope: 'api-keys', hint: 'new key', action: true, admin: true },
  { command: 'apiKey.history', keys: ['enter'], description: "the key's audit trail (the audit log filtered to it)", scope: 'api-keys', hint: 'history' },
  { command: 'typed.confirm', keys: ['enter'], description: 'confirm, once the word asked for is typed exactly', scope: 'typed', hint: 'confirm' },
  { command: 'typed.cancel', keys: ['esc'], description: 'cancel, nothing done', scope: 'typed', hint: 'cancel' },
  { command: 'secret.hide', keys: [ANY_KEY], label: 'any key', description: 'hide the new key for good (it is never shown again)', scope: 'secret', hint: 'hide the key' },
  { command: 'audit.open', keys: ['enter'], description: 'show the entry with its metadata as formatted JSON', scope: 'audit', hint: 'metadata' },
  {
    command: 'audit.undo',
    keys: ['u'],
    description: "undo the entry's console change: shows the diff, asks first; only if the row is still as it left it",
    scope: 'audit',
    hint: 'undo',
    action: true,
  },
  {
    command: 'audit.undo',
    keys: ['u'],
    description: "undo this entry's console change: shows the diff, asks first; only if the row is still as it left it",
    scope: 'audit-entry',
    hint: 'undo',
    action: true,
  },
  { command: 'notice.close', keys: [ANY_KEY], label: 'any key', description: 'close the message (nothing was changed)', scope: 'notice', hint: 'close' },
  { command: 'schedule.pause', keys: ['p'], description: 'pause, or resume a paused one (next run recomputed in its zone; asks first)', scope: 'schedules', hint: 'pause/resume', action: true },
  { command: 'schedule.cancel', keys: ['c'], description: 'cancel: it never runs again (asks first)', scope: 'schedules', hint: 'cancel', action: true },
  { command: 'schedule.new', keys: ['n'], description: 'new schedule: a time in words or a cron, checked as you type', scope: 'schedules', hint: 'new', action: true },
  { command: 'schedule.edit', keys: ['e'], description: 'reschedule or edit: time or cron, prompt, timezone, limit, expiry', scope: 'schedules', hint: 'edit', action: true },
  { command: 'schedule.pause', keys: ['p'], description: 'pause, or resume if paused (asks first)', scope: 'schedule', hint: 'pause/resume', action: true },
  { command: 'schedule.cancel', keys: ['c'], description: 'cancel this schedule (asks first)', scope: 'schedule', hint: 'cancel', action: true },
  { command: 'schedule.edit', keys: ['e'], description: 'reschedule or edit this schedule', scope: 'schedule', hint: 'edit', action: true },

  { command: 'prompts.search', keys: ['/'], description: 'search prompt and context as you type', scope: 'prompts', hint: 'search' },
  { command: 'prompts.category', keys: ['c'], description: 'filter by category (list with counts)', scope: 'prompts', hint: 'category' },
  { command: 'prompts.status', keys: ['e'], description: 'filter by status (list with counts)', scope: 'prompts', hint: 'status' },
  { command: 'prompts.tag', keys: ['t'], description: 'filter by tag (list with counts)', scope: 'prompts', hint: 'tag' },
  { command: 'prompts.stats', keys: ['s'], description: 'statistics of what is shown; again: list', scope: 'prompts', hint: 'stats' },
  { command: 'prompts.new', keys: ['n'], description: 'log a new prompt (a form, then asks first)', scope: 'prompts', hint: 'new', action: true },
  { command: 'prompts.clear', keys: ['esc'], description: 'clear the search and the filters', scope: 'prompts' },
  { command: 'prompt.complete', keys: ['m'], description: 'mark completed: notes and actual minutes, then asks first', scope: 'prompt', hint: 'completed', action: true },
  { command: 'prompt.fail', keys: ['f'], description: 'mark failed: notes, then asks first', scope: 'prompt', hint: 'failed', action: true },
  { command: 'prompt.cancel', keys: ['x'], description: 'mark cancelled (asks first)', scope: 'prompt', hint: 'cancelled', action: true },
  { command: 'picker.down', keys: ['j', 'down'], description: 'next choice', scope: 'picker' },
  { command: 'picker.up', keys: ['k', 'up'], description: 'previous choice', scope: 'picker' },
  { command: 'picker.pageDown', keys: ['pagedown', 'ctrl+f'], description: 'next page of choices', scope: 'picker' },
  { command: 'picker.pageUp', keys: ['pageup', 'ctrl+b'], description: 'previous page of choices', scope: 'picker' },
  { command: 'picker.choose', keys: ['enter'], description: 'filter by the selected choice ("any" turns it off)', scope: 'picker', hint: 'choose' },
  { command: 'picker.close', keys: ['esc'], description: 'close the list, filters unchanged', scope: 'picker', hint: 'close' },
  { command: 'form.next', keys: ['tab', 'down'], description: 'next field', scope: 'form' },
  { command: 'form.prev', keys: ['up'], description: 'previous field', scope: 'form' },
  { command: 'form.choice', keys: ['left', 'right'], description: 'pick from the list of a choice field', scope: 'form' },
  { command: 'form.submit', keys: ['enter'], description: 'next field; on the last one, submit', scope: 'form', hint: 'next/submit' },
  { command: 'form.cancel', keys: ['esc'], description: 'cancel the form, nothing written', scope: 'form', hint: 'cancel' },
] as const satisfies readonly KeyBinding[];

/**
 * Every command a handler may ask for, from the bindings themselves: `isCommand('list.dwon', …)`
 * fails the type check, and test/components/keymap.test.ts fails for a binding no handler asks for.
 */
export type CommandId = (typeof BINDINGS)[number]['command'];
