import { sortableOf, type Column } from '../../components/ListView.js';
import { statusTone } from '../../components/theme/index.js';
import { formatCost, formatTime, formatTokens } from '../../components/text/format.js';
import type { DB } from '../../db/connection.js';
import { sessionListSource, type SessionListItem } from '../../db/views/sessions.js';
import type { SortAsk } from '../../db/views/sort.js';
import type { ParsedFilter } from '../../src/hooks/filter-query.js';

export const SESSION_FILTER_FIELDS = ['status', 'agent', 'model'] as const;

/** Free text matches the model too: `opus` finds claude-opus-… sessions without typing model:. */
export const sessionSource = (db: DB, f: ParsedFilter, sort?: SortAsk) =>
  sessionListSource(db, { status: f.fields.status, agent: f.fields.agent, model: f.fields.model ?? (f.text || undefined) }, sort);

const duration = (ms: number | null): string => (ms == null ? '' : ms >= 60_000 ? `${Math.round(ms / 60_000)}m` : `${Math.round(ms / 1000)}s`);

export const sessionColumns: readonly Column<SessionListItem>[] = [
  { header: 'Created', width: 16, value: (s) => formatTime(s.createdAt), sort: 'created' },
  { header: 'Status', width: 11, value: (s) => s.status, tone: (s) => statusTone(s.status), sort: 'status' },
  { header: 'Agent', width: 14, value: (s) => s.agentId, sort: 'agent' },
  { header: 'User', width: 10, value: (s) => s.userName ?? s.slackUserId ?? '-', sort: 'user', drop: 4 },
  { header: 'Model', width: 0, value: (s) => s.model, sort: 'model', drop: 5 },
  { header: 'Tokens', width: 7, value: (s) => formatTokens(s.inputTokens + s.outputTokens), align: 'right', sort: 'tokens', drop: 3 },
  { header: 'Cost', width: 7, value: (s) => formatCost(s.estimatedCost), align: 'right', sort: 'cost', drop: 6 },
  { header: 'Took', width: 5, value: (s) => duration(s.durationMs), align: 'right', sort: 'took', drop: 2 },
  { header: 'Task', width: 14, value: (s) => s.taskId, sort: 'task', drop: 1 },
];

export const SESSION_SORTABLE = sortableOf(sessionColumns);
