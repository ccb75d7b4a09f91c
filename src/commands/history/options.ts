import { UsageError } from '../../../db/errors.js';
import type { PromptFilters } from '../../../db/repositories/prompt-history-query.js';
import { PROMPT_STATUSES, isPromptStatus } from '../../../db/repositories/prompt-history-values.js';
import { parseCommandArgs, type GlobalFlags } from '../../cli/args.js';
import { formatCount } from '../../cli/plain-text.js';

export type HistoryView = 'list' | 'stats' | 'categories' | 'tags';

export interface HistoryRequest {
  readonly view: HistoryView;
  readonly filters: PromptFilters;
  /** rows (list) or entries (categories, tags); undefined = all */
  readonly limit?: number;
  readonly json: boolean;
  readonly help: boolean;
  readonly globals: GlobalFlags;
}

export const DEFAULT_LIMIT = 20;

const options = {
  all: { type: 'boolean' },
  limit: { type: 'string' },
  search: { type: 'string' },
  category: { type: 'string' },
  status: { type: 'string' },
  tag: { type: 'string' },
  stats: { type: 'boolean' },
  categories: { type: 'boolean' },
  tags: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** The most --limit takes; --all is for more. */
export const MAX_LIMIT = 1_000_000;

function parseLimit(raw: string): number {
  const digits = raw.trim();
  if (!/^\d+$/.test(digits) || !(Number(digits) > 0)) throw new UsageError(`--limit must be a whole number above 0, not ${JSON.stringify(raw)}`);
  const n = Number(digits);
  if (n > MAX_LIMIT) throw new UsageError(`--limit is at most ${formatCount(MAX_LIMIT)}, not ${digits}; --all shows every matching prompt`);
  return n;
}

function nonEmpty(flag: string, v: string | undefined): string | undefined {
  if (v !== undefined && v.trim() === '') throw new UsageError(`--${flag} needs a value`);
  return v;
}

export function parseHistoryArgs(argv: string[]): HistoryRequest {
  const { values: v, globals } = parseCommandArgs(argv, options);
  const views = (['stats', 'categories', 'tags'] as const).filter((k) => v[k]);
  if (views.length > 1) throw new UsageError(`choose one of --stats, --categories, --tags (got ${views.map((k) => `--${k}`).join(' and ')})`);
  const view: HistoryView = views.length > 0 ? views[0]! : 'list';
  if (v.all && v.limit !== undefined) throw new UsageError('--all and --limit cannot be combined');
  if (view === 'stats' && (v.all || v.limit !== undefined)) throw new UsageError('--stats counts every matching prompt; --all and --limit do not apply');
  if (v.status !== undefined && !isPromptStatus(v.status)) {
    throw new UsageError(`unknown status ${JSON.stringify(v.status)}; use one of ${PROMPT_STATUSES.join(', ')}`);
  }
  const limit = v.limit !== undefined ? parseLimit(v.limit) : v.all || view !== 'list' ? undefined : DEFAULT_LIMIT;
  const filters: PromptFilters = {
    search: nonEmpty('search', v.search),
    category: nonEmpty('category', v.category),
    status: v.status,
    tag: nonEmpty('tag', v.tag),
  };
  return { view, filters, limit, json: v.json === true, help: globals.help, globals };
}

export const HISTORY_HELP = `Usage: bematic-console history [flags]

The prompt history: the newest ${DEFAULT_LIMIT} prompts, or what the flags ask for.

Filters (combine freely):
  --search TEXT     prompt or context contains TEXT (any case; % _ " \\ are plain characters)
  --category NAME   feature, bugfix, refactor, documentation, research, ...
  --status STATUS   pending, completed, failed, cancelled
  --tag TAG         has this tag (any case: AUTH finds auth)

How many:
  --limit N         the newest N (default ${DEFAULT_LIMIT}, at most ${formatCount(MAX_LIMIT)})
  --all             every matching prompt

Instead of the list:
  --stats           counts by status, category, tag and week; durations estimated against actual
  --categories      each category with its count
  --tags            each tag with its count

Output:
  --json            JSON (rows carry tags and relatedFiles as arrays)
  --no-color        no colours (also NO_COLOR); piped output is always plain

  --db PATH         the database file (default: DATABASE_URL, else ./data/bematic.db)
  -h, --help        this help
`;
