import type { LogPromptOptions } from '../../db/repositories/prompt-history.js';
import { PROMPT_CATEGORIES } from '../../db/repositories/prompt-history-values.js';
import { validateNewPrompt } from '../../db/actions/prompts.js';
import type { FieldSpec, FormRefusal } from '../../components/form/types.js';

export const NO_CATEGORY = '(none)';

export const NEW_PROMPT_FIELDS: readonly FieldSpec[] = [
  { key: 'text', label: 'Prompt', kind: 'text', placeholder: 'what was asked (required)' },
  { key: 'category', label: 'Category', kind: 'choice', options: [NO_CATEGORY, ...PROMPT_CATEGORIES].map((c) => ({ value: c, label: c })) },
  { key: 'tags', label: 'Tags', kind: 'text', placeholder: 'comma-separated: api, auth' },
  { key: 'context', label: 'Context', kind: 'text', placeholder: 'optional' },
  { key: 'files', label: 'Files', kind: 'text', placeholder: 'comma-separated: README.md, src/app.ts' },
];

const commaList = (s: string | undefined): string[] => (s === undefined || s.trim() === '' ? [] : s.split(',').map((x) => x.trim()));

/** The form's values as `log-prompt` would take them; an empty tag between commas is left for validation to refuse. */
export function newPromptInput(v: Readonly<Record<string, string>>): { text: string; options: LogPromptOptions } {
  const category = v.category && v.category !== NO_CATEGORY ? v.category : undefined;
  const context = v.context?.trim() ? v.context : undefined;
  return { text: v.text ?? '', options: { category, tags: commaList(v.tags), context, relatedFiles: commaList(v.files).filter((f) => f !== '') } };
}

const refused = (check: () => void): string | null => {
  try {
    check();
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
};

/**
 * Why log-prompt would refuse these values, beside the field it is about: its rules
 * (validateNewPrompt) asked of the text alone, then of the tags alone, then of the whole.
 */
export function newPromptRefusal(text: string, options: LogPromptOptions): FormRefusal | null {
  const why = refused(() => validateNewPrompt(text, options));
  if (why === null) return null;
  const field = refused(() => validateNewPrompt(text, {})) !== null ? 'text' : refused(() => validateNewPrompt('x', { tags: options.tags })) !== null ? 'tags' : 'category';
  return { field, text: `Refused: ${why}.` };
}

export const NOTES_FIELD: FieldSpec = { key: 'notes', label: 'Notes', kind: 'text', placeholder: 'optional' };
export const MINUTES_FIELD: FieldSpec = { key: 'minutes', label: 'Minutes', kind: 'text', placeholder: 'actual duration, whole minutes (empty: unknown)' };

/** Minutes as typed: a whole number 0 or more, or nothing; otherwise the sentence that refuses it. */
export function parseMinutes(raw: string | undefined): { ok: true; value: number | undefined } | { ok: false; error: string } {
  const s = (raw ?? '').trim();
  if (s === '') return { ok: true, value: undefined };
  if (!/^\d{1,9}$/.test(s)) return { ok: false, error: `The actual duration must be a whole number of minutes, 0 or more (not ${JSON.stringify(s)}).` };
  return { ok: true, value: Number(s) };
}

/** Notes as typed: empty means none. */
export const notesOf = (raw: string | undefined): string | undefined => (raw?.trim() ? raw : undefined);
