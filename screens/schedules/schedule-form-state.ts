import { TASK_TYPES } from '../../db/scheduling/index.js';
import type { FieldKind } from '../../components/form/types.js';
import { REMINDER, type ScheduleDraft } from './schedule-draft.js';

export type FieldKey = keyof ScheduleDraft;

/** What the form is for and what it may choose from. */
export interface FormSpec {
  readonly mode: 'new' | 'edit';
  readonly projects: readonly { readonly id: string; readonly name: string }[];
}

export const FIELD_ORDER: readonly FieldKey[] = ['projectId', 'owner', 'type', 'bot', 'command', 'prompt', 'repeats', 'time', 'timezone', 'limit', 'expiry'];
const EDITABLE_WHEN_EDITING: readonly FieldKey[] = ['prompt', 'time', 'timezone', 'limit', 'expiry'];
const CHOICES: Partial<Record<FieldKey, true>> = { projectId: true, type: true, repeats: true };

/** How a field takes input: an edit changes only the time, prompt, zone, limit and expiry; a reminder's bot is fixed. */
export function fieldKind(spec: FormSpec, draft: ScheduleDraft, key: FieldKey): FieldKind {
  if (spec.mode === 'edit') return EDITABLE_WHEN_EDITING.includes(key) ? 'text' : 'fixed';
  if ((key === 'bot' || key === 'command') && draft.type === 'reminder') return 'fixed';
  return CHOICES[key] ? 'choice' : 'text';
}

/** A choice field's options as stored values and as shown. */
export function choicesOf(spec: FormSpec, key: FieldKey): { value: string; label: string }[] {
  if (key === 'projectId') return spec.projects.map((p) => ({ value: p.id, label: p.name }));
  if (key === 'type') return TASK_TYPES.map((t) => ({ value: t, label: t }));
  if (key === 'repeats')
    return [
      { value: 'once', label: 'once' },
      { value: 'cron', label: 'cron' },
    ];
  return [];
}

/** The draft after a field changed, with what follows from it (a type brings its bot and repeat; a repeat its type). */
export function withField(draft: ScheduleDraft, key: FieldKey, value: string): ScheduleDraft {
  const next = { ...draft, [key]: value } as ScheduleDraft;
  if (key === 'type' && value !== draft.type) {
    const bot = value === 'reminder' ? REMINDER : draft.type === 'reminder' ? { bot: '', command: '' } : {};
    const repeats = value === 'recurring_job' ? 'cron' : draft.type === 'recurring_job' ? 'once' : draft.repeats;
    return { ...next, ...bot, repeats, time: repeats === draft.repeats ? draft.time : '' };
  }
  if (key === 'repeats' && value !== draft.repeats) {
    // as the service writes them: a cron makes a recurring_job; a one-shot job is a prompt_execution
    const type = value === 'cron' ? 'recurring_job' : draft.type === 'recurring_job' ? 'prompt_execution' : draft.type;
    const bot = draft.type === 'reminder' && type !== 'reminder' ? { bot: '', command: '' } : {};
    return { ...next, ...bot, type, time: '' }; // words are no cron, and back
  }
  return next;
}

/** Where the cursor starts: the project for a new schedule, the time when editing. */
export const initialFocus = (spec: FormSpec): FieldKey => (spec.mode === 'edit' ? 'time' : 'projectId');
