import type { PromptHistoryRepository } from '../../db/repositories/prompt-history.js';
import type { PromptFilters } from '../../db/repositories/prompt-history-query.js';
import { PROMPT_STATUSES } from '../../db/repositories/prompt-history-values.js';
import { without, type FilterKind } from './prompt-filters.js';

/** One choice of a filter list; `value` undefined is "any" (the filter off), null "(none)": no category. */
export interface PickerOption {
  readonly value: string | null | undefined;
  readonly label: string;
  /** prompts it would show with the other filters; null where a total means nothing (any tag) */
  readonly count: number | null;
}

/** The most used tags a list offers. */
export const TAG_CHOICES = 200;

const any = (count: number | null): PickerOption => ({ value: undefined, label: 'any', count });

/** How the lists name the prompts with no category. */
export const NO_CATEGORY = '(none)';

/** The choices for one filter, with counts that follow the other filters in force. */
export function pickerOptions(repo: PromptHistoryRepository, kind: FilterKind, filters: PromptFilters): PickerOption[] {
  const others = without(filters, kind);
  if (kind === 'category') {
    const counts = repo.categoryCounts(others);
    const total = counts.reduce((n, c) => n + c.count, 0);
    // A prompt without a category is asked for as "(none)", as the stats and history --stats name it.
    return [any(total), ...counts.map((c) => (c.name === null ? { value: null, label: NO_CATEGORY, count: c.count } : { value: c.name, label: c.name, count: c.count }))];
  }
  if (kind === 'status') {
    const stats = repo.getStats(others, { topTags: 0 });
    const seen = new Map(stats.byStatus.map((s) => [s.name, s.count]));
    const names = [...PROMPT_STATUSES, ...[...seen.keys()].filter((s) => !(PROMPT_STATUSES as readonly string[]).includes(s))];
    return [any(stats.total), ...names.map((s) => ({ value: s, label: s, count: seen.get(s) ?? 0 }))];
  }
  return [any(null), ...repo.tagCounts(others, TAG_CHOICES).map((t) => ({ value: t.name, label: t.name, count: t.count }))];
}
