import type { DatabaseShape } from '../shape.js';

// prompt_history's columns without drizzle: `history` reads prompts without loading drizzle-orm
// or db/schema (about 100 ms of module loading). test/commands/prompt-history-reader.test.ts
// holds this list equal to db/schema/prompt-history.ts, names and defaults.

/** Property (PromptHistoryRow's field), column name, and what a file without the column reads as. */
export const PROMPT_HISTORY_COLUMNS = [
  { prop: 'id', column: 'id', fallback: null },
  { prop: 'prompt', column: 'prompt', fallback: null },
  { prop: 'category', column: 'category', fallback: null },
  { prop: 'tags', column: 'tags', fallback: '[]' },
  { prop: 'context', column: 'context', fallback: null },
  { prop: 'relatedFiles', column: 'related_files', fallback: '[]' },
  { prop: 'executionStatus', column: 'execution_status', fallback: 'pending' },
  { prop: 'executionNotes', column: 'execution_notes', fallback: null },
  { prop: 'estimatedDurationMinutes', column: 'estimated_duration_minutes', fallback: null },
  { prop: 'actualDurationMinutes', column: 'actual_duration_minutes', fallback: null },
  { prop: 'timestamp', column: 'timestamp', fallback: null },
  { prop: 'completedAt', column: 'completed_at', fallback: null },
] as const satisfies readonly { prop: string; column: string; fallback: string | null }[];

export const PROMPT_HISTORY_TABLE = 'prompt_history';

const literal = (v: string | null): string => (v === null ? 'NULL' : `'${v.replaceAll("'", "''")}'`);

/**
 * The select list of a prompt row aliased `p`, in PromptHistoryRow's shape: each column this
 * file has under its property name, and a column it lacks as its schema default (or NULL), so
 * rows of every file's age come out complete without a pass in JavaScript.
 */
export function promptSelectList(shape: DatabaseShape): string {
  const present = shape.tables.get(PROMPT_HISTORY_TABLE);
  return PROMPT_HISTORY_COLUMNS.map(({ prop, column, fallback }) => (present?.has(column) ? `p."${column}" AS "${prop}"` : `${literal(fallback)} AS "${prop}"`)).join(', ');
}
