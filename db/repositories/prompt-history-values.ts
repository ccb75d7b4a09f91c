import { parseStringArray } from '../json.js';
import type { PromptHistoryRow } from '../types.js';

/** The spec's categories: `log-prompt` refuses any other. */
export const PROMPT_CATEGORIES = ['feature', 'bugfix', 'refactor', 'documentation', 'research'] as const;
export type PromptCategory = (typeof PROMPT_CATEGORIES)[number];

export const PROMPT_STATUSES = ['pending', 'completed', 'failed', 'cancelled'] as const;
export type PromptStatus = (typeof PROMPT_STATUSES)[number];

export const isPromptCategory = (v: string): v is PromptCategory => (PROMPT_CATEGORIES as readonly string[]).includes(v);
export const isPromptStatus = (v: string): v is PromptStatus => (PROMPT_STATUSES as readonly string[]).includes(v);

/** A row with its JSON columns decoded; malformed JSON is kept raw beside an empty array. */
export type DecodedPrompt = Omit<PromptHistoryRow, 'tags' | 'relatedFiles'> & {
  tags: string[];
  relatedFiles: string[];
  tagsRaw?: string;
  relatedFilesRaw?: string;
};

export function decodePrompt(row: PromptHistoryRow): DecodedPrompt {
  const tags = parseStringArray(row.tags);
  const files = parseStringArray(row.relatedFiles);
  const out: DecodedPrompt = { ...row, tags: tags.ok ? tags.value : [], relatedFiles: files.ok ? files.value : [] };
  if (!tags.ok) out.tagsRaw = tags.raw;
  if (!files.ok) out.relatedFilesRaw = files.raw;
  return out;
}
