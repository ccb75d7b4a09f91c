import type { LogPromptOptions } from '../../db/repositories/prompt-history.js';
import { PROMPT_CATEGORIES } from '../../db/repositories/prompt-history-values.js';
import type { FormField } from './use-form.js';

export const NO_CATEGORY = '(none)';

export const NEW_PROMPT_FIELDS: readonly FormField[] = [
  { name: 'text', label: 'Prompt', hint: 'what was asked (required)' },
  { name: 'category', label: 'Category', choices: [NO_CATEGORY, ...PROMPT_CATEGORIES] },
  { name: 'tags', label: 'Tags', hint: 'comma-separated: api, auth' },
  { name: 'context', label: 'Context', hint: 'optional' },
  { name: 'files', label: 'Files', hint: 'comma-separated: README.md, src/app.ts' },
];

const commaList = (s: string | undefined): string[] => (s === undefined || s.trim() === '' ? [] : s.split(',').map((x) => x.trim()));

/** The form's values as `log-prompt` would take them; an empty tag between commas is left for validation to refuse. */
export function newPromptInput(v: Readonly<Record<string, string>>): { text: string; options: LogPromptOptions } {
  const category = v.category && v.category !== NO_CATEGORY ? v.category : undefined;
  const context = v.context?.trim() ? v.context : undefined;
  return { text: v.text ?? '', options: { category, tags: commaList(v.tags), context, relatedFiles: commaList(v.files).filter((f) => f !== '') } };
}

export const NOTES_FIELD: FormField = { name: 'notes', label: 'Notes', hint: 'optional' };
export const MINUTES_FIELD: FormField = { name: 'minutes', label: 'Minutes', hint: 'actual duration, whole minutes (empty: unknown)' };

/** Minutes as typed: a whole number 0 or more, or nothing; otherwise the sentence that refuses it. */
export function parseMinutes(raw: string | undefined): { ok: true; value: number | undefined } | { ok: false; error: string } {
  const s = (raw ?? '').trim();
  if (s === '') return { ok: true, value: undefined };
  if (!/^\d{1,9}$/.test(s)) return { ok: false, error: `The actual duration must be a whole number of minutes, 0 or more (not ${JSON.stringify(s)}).` };
  return { ok: true, value: Number(s) };
}

/** Notes as typed: empty means none. */
export const notesOf = (raw: string | undefined): string | undefined => (raw?.trim() ? raw : undefined);
