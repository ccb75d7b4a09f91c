import { toJson } from '../json.js';
import { QUOTA_STATUSES } from '../scheduling/rules.js';
import { checkScheduleChange, throwIfRefused } from '../scheduling/validate.js';
import type { ScheduledTaskInsert, ScheduledTaskRow } from '../types.js';
import type { ScheduledTaskPatch } from './scheduled-tasks-types.js';

type StoredPatch = Partial<ScheduledTaskInsert>;

const counted = (status: string): boolean => (QUOTA_STATUSES as readonly string[]).includes(status);

/** True when the patch moves the schedule into a status the owner's quota counts. */
export function entersQuota(before: ScheduledTaskRow, patch: ScheduledTaskPatch): boolean {
  return patch.status !== undefined && counted(patch.status) && !counted(before.status);
}

/**
 * The values to store for a patch: what it gives, with the timing columns the schedule rules give
 * (scheduling/validate-change.ts); a refused patch throws its refusals as one ValidationError.
 */
export function storedPatch(before: ScheduledTaskRow, patch: ScheduledTaskPatch, now: Date): StoredPatch {
  const checked = checkScheduleChange(before, patch, now);
  throwIfRefused(checked.refusals);
  const { metadata, ...rest } = patch;
  const out: StoredPatch = { ...rest, ...checked.set };
  // a string is stored as given (the service passes JSON.stringify(...)), an object stringified once
  if (metadata !== undefined) out.metadata = typeof metadata === 'string' ? metadata : toJson(metadata);
  return out;
}
