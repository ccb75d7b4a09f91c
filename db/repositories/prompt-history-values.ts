import { parseStringArray } from '../json.js';
import { cleanCells, textOrNull, type CellKind } from '../cells.js';
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

/** How each prompt_history cell is read (db/cells.ts): tags and related files stay text, parsed by decodePrompt. */
const PROMPT_CELLS = {
  id: 'number',
  prompt: 'text',
  category: 'text?',
  tags: 'text',
  context: 'text?',
  relatedFiles: 'text',
  executionStatus: 'text',
  executionNotes: 'text?',
  estimatedDurationMinutes: 'number?',
  actualDurationMinutes: 'number?',
  timestamp: 'time',
  completedAt: 'time?',
} as const satisfies Record<keyof PromptHistoryRow, CellKind>;

/**
 * A prompt row as read, made to its declared types: the boundary every prompt read passes
 * (a BLOB as its marker, a time as canonical ISO or marked, JSON columns as text).
 * A JSON column holding a BLOB keeps its marker, which decodePrompt keeps as malformed raw text.
 */
export const cleanPromptRow = (row: PromptHistoryRow): PromptHistoryRow => cleanCells(row, PROMPT_CELLS) as PromptHistoryRow;

/** A name counted by SQL (a tag, a category, a status): text, a BLOB's marker, or null. */
export const cleanName = <T extends { name: unknown }>(c: T): T => ({ ...c, name: textOrNull(c.name) });
