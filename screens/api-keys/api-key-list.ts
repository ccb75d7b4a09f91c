import type { Column } from '../../components/ListView.js';
import { statusTone } from '../../components/theme/index.js';
import { formatTime } from '../../components/text/format.js';
import type { DB } from '../../db/connection.js';
import type { ApiKeyState } from '../../db/repositories/api-keys.js';
import { formatRelative } from '../../db/scheduling/format.js';
import { apiKeyListSource, API_KEY_STATES, type ApiKeyListItem, type KeyTime } from '../../db/views/api-keys.js';
import type { ParsedFilter } from '../../src/hooks/filter-query.js';
import type { SortAsk } from '../../db/views/sort.js';

/** `agent:build-7 state:expired`; free text is taken as the agent id. */
export const API_KEY_FILTER_FIELDS = ['agent', 'state'] as const;

const stateField = (v: string | undefined): ApiKeyState | undefined => API_KEY_STATES.find((s) => s === v?.toLowerCase());

export const apiKeySource = (db: DB, f: ParsedFilter, sort?: SortAsk) => apiKeyListSource(db, { agent: f.fields.agent ?? (f.text || undefined), state: stateField(f.fields.state) }, sort);

/** The sorts of the keys list's columns, left to right (db/views/api-keys.ts); the key itself is not one. */
export const API_KEY_SORTABLE = ['agent', 'state', 'created', 'used', 'expires'] as const;

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();

/** "2026-11-26 11:45" from Unix seconds; `none` when unset. */
// A KeyTime that is text is a stored value that is no time, already marked (db/cells.ts): shown as it is.
export const secondsTime = (s: KeyTime, none: string): string => (s == null ? none : typeof s === 'string' ? s : formatTime(iso(s)));

/** "in 3 d", "2 h ago" from Unix seconds. */
export const secondsRelative = (s: KeyTime, now: Date = new Date()): string => (s == null ? '' : typeof s === 'string' ? s : formatRelative(new Date(s * 1000), now));

/** "2026-11-29 12:00 (in 3 d)" (the date alone when `dateOnly`), or never. */
export function expiresText(s: KeyTime, dateOnly = false, now?: Date): string {
  if (s == null) return 'never';
  if (typeof s === 'string') return s;
  const at = secondsTime(s, '');
  return `${dateOnly ? at.slice(0, 10) : at} (${secondsRelative(s, now)})`;
}

/** Below this width the times lose their clock, so the agent keeps room. */
const WIDE = 100;

export function apiKeyColumns(width: number): Column<ApiKeyListItem>[] {
  const wide = width >= WIDE;
  return [
    { header: 'Agent', width: 0, min: 16, value: (k) => k.agentId, sort: 'agent' },
    { header: 'State', width: 7, value: (k) => k.state, tone: (k) => statusTone(k.state), sort: 'state' },
    { header: 'Key', width: 10, value: (k) => k.maskedKey, drop: 1 },
    { header: 'Created', width: wide ? 16 : 10, value: (k) => secondsTime(k.createdAt, '?').slice(0, wide ? 16 : 10), sort: 'created', drop: 3 },
    { header: 'Last used', width: 10, value: (k) => (k.lastUsedAt == null ? 'never' : secondsRelative(k.lastUsedAt)), sort: 'used', drop: 2 },
    { header: 'Expires', width: wide ? 27 : 21, value: (k) => expiresText(k.expiresAt, !wide), tone: (k) => (k.state === 'expired' ? 'danger' : undefined), sort: 'expires', drop: 4 },
  ];
}
