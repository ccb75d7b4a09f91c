import type { DB } from '../connection.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Operator } from '../operator.js';
import { PromptHistoryRepository, type LogPromptOptions } from '../repositories/prompt-history.js';
import { PROMPT_CATEGORIES, isPromptCategory, type PromptStatus } from '../repositories/prompt-history-values.js';
import type { PromptHistoryRow } from '../types.js';
import { audit, runAction } from './run.js';

/** The rules `log-prompt` and the console's form share: text required, category from the spec's list. */
export function validateNewPrompt(text: string, options: LogPromptOptions): void {
  if (text.trim() === '') throw new ValidationError('the prompt text is empty');
  if (options.category !== undefined && !isPromptCategory(options.category)) {
    throw new ValidationError(`unknown category ${JSON.stringify(options.category)}; use one of ${PROMPT_CATEGORIES.join(', ')}`);
  }
  if (options.tags?.some((t) => t.trim() === '')) throw new ValidationError('a tag cannot be empty');
}

/** Logs a prompt in one transaction with its `prompt:logged` audit row. */
export function logPrompt(db: DB, op: Operator, text: string, options: LogPromptOptions = {}): PromptHistoryRow {
  validateNewPrompt(text, options);
  return runAction(db, op, null, (now) => {
    const row = new PromptHistoryRepository(db).log(text, options);
    audit(db, now, 'prompt:logged', 'prompt', String(row.id), { category: row.category, tags: options.tags ?? [] });
    return row;
  });
}

function finish(db: DB, op: Operator, id: number, status: Exclude<PromptStatus, 'pending'>, change: (repo: PromptHistoryRepository) => PromptHistoryRow): PromptHistoryRow {
  return runAction(db, op, null, (now) => {
    const repo = new PromptHistoryRepository(db);
    const before = repo.findById(id);
    if (!before) throw new NotFoundError('prompt', id);
    if (before.executionStatus === status) throw new ValidationError(`prompt ${id} is already ${status}; nothing was changed`);
    const after = change(repo);
    audit(db, now, `prompt:${status}`, 'prompt', String(id), {
      before: { executionStatus: before.executionStatus },
      after: { executionStatus: after.executionStatus, executionNotes: after.executionNotes, actualDurationMinutes: after.actualDurationMinutes },
    });
    return after;
  });
}

export function completePrompt(db: DB, op: Operator, id: number, result: { notes?: string; actualDurationMinutes?: number } = {}): PromptHistoryRow {
  const minutes = result.actualDurationMinutes;
  if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 0)) {
    throw new ValidationError('the actual duration must be a whole number of minutes, 0 or more');
  }
  return finish(db, op, id, 'completed', (repo) => repo.complete(id, result));
}

export function failPrompt(db: DB, op: Operator, id: number, notes?: string): PromptHistoryRow {
  return finish(db, op, id, 'failed', (repo) => repo.fail(id, notes));
}

export function cancelPrompt(db: DB, op: Operator, id: number): PromptHistoryRow {
  return finish(db, op, id, 'cancelled', (repo) => repo.cancel(id));
}
