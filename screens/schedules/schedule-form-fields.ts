import type { FieldSpec, FormMessage } from '../../components/form/types.js';
import type { SchedulePreview, PreviewField } from '../../db/views/schedules-preview.js';
import type { ScheduleDraft } from './schedule-draft.js';
import { FIELD_ORDER, choicesOf, fieldKind, type FieldKey, type FormSpec } from './schedule-form-state.js';

const LABELS: Record<FieldKey, string> = {
  projectId: 'project',
  owner: 'owner',
  type: 'type',
  bot: 'bot',
  command: 'command',
  prompt: 'prompt',
  repeats: 'repeats',
  time: 'when',
  timezone: 'timezone',
  limit: 'run limit',
  expiry: 'expires',
};

const PLACEHOLDERS: Partial<Record<FieldKey, string>> = {
  owner: 'Slack user id, e.g. U0123ABCD',
  bot: 'e.g. coder, reviewer, ops',
  command: 'e.g. review, deploy',
  prompt: 'what to do or say',
  timezone: 'IANA name, e.g. America/New_York',
  limit: 'none',
  expiry: 'never (words or ISO, in the timezone above)',
};
const WHEN_HINT = 'tomorrow 9am · in 2 hours · next monday 14:00 · 2026-05-01 09:00';
const CRON_HINT = 'minute hour day month weekday, e.g. 0 9 * * 1-5';

/** The form field each of the validator's fields is (db/scheduling/refusal.ts ScheduleField). */
const FIELD_OF: Record<PreviewField, FieldKey> = {
  project: 'projectId',
  owner: 'owner',
  type: 'type',
  bot: 'bot',
  command: 'command',
  prompt: 'prompt',
  time: 'time',
  timezone: 'timezone',
  limit: 'limit',
  expiry: 'expiry',
};

/** The form's fields as the form system takes them, in focus order; what is fixed depends on the draft. */
export function scheduleFieldSpecs(spec: FormSpec, draft: ScheduleDraft): FieldSpec<FieldKey>[] {
  const cron = draft.repeats === 'cron';
  return FIELD_ORDER.map((key) => {
    const kind = fieldKind(spec, draft, key);
    return {
      key,
      label: key === 'time' && cron ? 'cron' : LABELS[key],
      kind,
      ...(kind === 'choice' ? { options: choicesOf(spec, key) } : {}),
      placeholder: key === 'time' ? (cron ? CRON_HINT : WHEN_HINT) : PLACEHOLDERS[key],
      ...(key === 'projectId' ? { display: spec.projects.find((p) => p.id === draft.projectId)?.name ?? draft.projectId } : {}),
    };
  });
}

/**
 * Every refusal of the preview (the validator the save runs) beside the field it is about; at
 * most one per field (db/scheduling/refusal.ts). Those about no field are `general`.
 */
export function scheduleRefusals(preview: SchedulePreview): { byField: Partial<Record<FieldKey, FormMessage>>; general: string[] } {
  const byField: Partial<Record<FieldKey, FormMessage>> = {};
  const general: string[] = [];
  for (const r of preview.refusals) {
    if (r.field === null) general.push(r.sentence);
    else byField[FIELD_OF[r.field]] ??= { text: `✗ ${r.sentence}`, tone: 'danger' };
  }
  return { byField, general };
}
