import type { FormFieldView } from '../../components/form/types.js';
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

/** The preview's refusal is about which form field. */
const FIELD_OF: Record<PreviewField, FieldKey> = {
  project: 'projectId', owner: 'owner', type: 'type', bot: 'bot', command: 'command',
  prompt: 'prompt', time: 'time', timezone: 'timezone', limit: 'limit', expiry: 'expiry',
};

/** The form's fields as the view shows them, the refusal beside the field it is about. */
export function scheduleFormFields(spec: FormSpec, draft: ScheduleDraft, preview: SchedulePreview): FormFieldView[] {
  const refusedAt = preview.refusal?.field ? FIELD_OF[preview.refusal.field] : null;
  return FIELD_ORDER.map((key) => {
    const kind = fieldKind(spec, draft, key);
    const options = kind === 'choice' ? choicesOf(spec, key) : [];
    const at = options.findIndex((o) => o.value === draft[key]);
    const value = key === 'projectId' ? (spec.projects.find((p) => p.id === draft.projectId)?.name ?? draft.projectId) : draft[key];
    const cron = draft.repeats === 'cron';
    return {
      key,
      label: key === 'time' && cron ? 'cron' : LABELS[key],
      value,
      kind,
      position: options.length > 1 && at >= 0 ? `${at + 1}/${options.length}` : undefined,
      placeholder: key === 'time' ? (cron ? CRON_HINT : WHEN_HINT) : PLACEHOLDERS[key],
      message: refusedAt === key && preview.refusal ? { text: `✗ ${preview.refusal.message}`, tone: 'danger' as const } : undefined,
    };
  });
}
