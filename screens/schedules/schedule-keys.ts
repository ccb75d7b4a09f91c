import { dialogHeight as boxHeight } from '../../components/dialog-height.js';
import { TRANSITION_FROM } from '../../db/repositories/scheduled-tasks.js';
import { isCommand } from '../../src/keymap/keymap.js';
import type { KeyPress } from '../../src/keymap/keys.js';
import type { Navigation } from '../../src/app/navigation.js';
import type { ScheduleActions, ScheduleRef } from './use-schedule-actions.js';

const editable = (status: string): boolean => (TRANSITION_FROM.edit as readonly string[]).includes(status);

/**
 * The schedule keys of the list and the detail: p, c, e (and n where `create` is given).
 * A refused operator's key only says why; a finished schedule cannot be edited.
 */
export function scheduleKey(k: KeyPress, s: ScheduleRef | undefined, actions: ScheduleActions, nav: Navigation, flash: (text: string, tone: 'warning') => void, create: boolean): boolean {
  if (create && isCommand('schedule.new', k.name)) {
    if (actions.mayChange(undefined, 'create schedules')) nav.push('schedule-form', {});
    return true;
  }
  if (!s) return false;
  if (isCommand('schedule.pause', k.name)) actions.togglePause(s);
  else if (isCommand('schedule.cancel', k.name)) actions.cancel(s);
  else if (isCommand('schedule.edit', k.name)) {
    if (!actions.mayChange(s, 'edit')) return true;
    if (editable(s.status)) nav.push('schedule-form', { scheduleId: s.id });
    else flash(`Schedule ${s.id} is ${s.status}: only pending, active or paused schedules can be edited.`, 'warning');
  } else return false;
  return true;
}

/** Lines the open confirmation takes at this width (none when closed): the rest is the screen's. */
export const dialogHeight = (dialog: { message: string } | null, width: number): number => (dialog ? boxHeight(dialog.message, width) : 0);
