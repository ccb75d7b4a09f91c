import type { PromptHistoryRepository } from '../../../db/repositories/prompt-history.js';
import type { CapturedStatement } from '../bare-job.js';
import { serviceCategories, serviceHistoryList, serviceStats, serviceTags } from '../service-sql.js';

/** Words of the demo vocabulary: one in about one prompt in twelve, one phrase in about one in 5,000, one in none. */
export const COMMON_WORD = 'billing';
export const RARE_PHRASE = 'dark mode for inventory sync';
export const ABSENT_WORD = 'kubernetes';
export const TAG = 'security';

/** One way `history` is run: its flags, the repository call it makes, and the service's way of doing it. */
export interface HistoryVariant {
  readonly name: string;
  readonly args: readonly string[];
  readonly query: (repo: PromptHistoryRepository) => unknown;
  readonly service: () => CapturedStatement[];
  readonly post?: 'parse-tags';
  /** which target this variant checks */
  readonly target?: 'stats' | 'search' | 'tags' | 'newest';
}

export const HISTORY_VARIANTS: readonly HistoryVariant[] = [
  { name: 'history (newest 20)', args: [], query: (r) => r.findAll({ limit: 20 }), service: () => serviceHistoryList({}), target: 'newest' },
  { name: 'history --json', args: ['--json'], query: (r) => r.findAll({ limit: 20 }), service: () => serviceHistoryList({}) },
  {
    name: `history --search ${COMMON_WORD} (common)`,
    args: ['--search', COMMON_WORD],
    query: (r) => r.findAll({ search: COMMON_WORD, limit: 20 }),
    service: () => serviceHistoryList({ search: COMMON_WORD }),
    target: 'search',
  },
  {
    name: `history --search "${RARE_PHRASE}" (rare)`,
    args: ['--search', RARE_PHRASE],
    query: (r) => r.findAll({ search: RARE_PHRASE, limit: 20 }),
    service: () => serviceHistoryList({ search: RARE_PHRASE }),
    target: 'search',
  },
  {
    name: `history --search ${ABSENT_WORD} (no match)`,
    args: ['--search', ABSENT_WORD],
    query: (r) => r.findAll({ search: ABSENT_WORD, limit: 20 }),
    service: () => serviceHistoryList({ search: ABSENT_WORD }),
    target: 'search',
  },
  { name: `history --tag ${TAG}`, args: ['--tag', TAG], query: (r) => r.findAll({ tag: TAG, limit: 20 }), service: () => serviceHistoryList({ tag: TAG }) },
  { name: 'history --tags', args: ['--tags'], query: (r) => r.tagCounts({}), service: serviceTags, post: 'parse-tags', target: 'tags' },
  { name: 'history --categories', args: ['--categories'], query: (r) => r.categoryCounts({}), service: serviceCategories },
  { name: 'history --stats', args: ['--stats'], query: (r) => r.getStats({}), service: serviceStats, target: 'stats' },
];
