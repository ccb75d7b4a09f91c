import { inert } from './inert.js';

/** Numbers and times as the console shows them, the same on every screen. */
// A real row can hold text or NULL in a numeric column (no constraint stopped it): shown as '?', never crashing.
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

// Integers are grouped by hand: the first toLocaleString loads ICU's number formatting, some
// 10-40 ms of the console's first frame (the dashboard's counts). Same text as en-US.
export const formatCount = (n: number): string => (!finite(n) ? '?' : Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+$)/g, ',') : n.toLocaleString('en-US'));

export const formatCost = (usd: number): string => (finite(usd) ? `$${usd.toFixed(usd >= 100 ? 0 : 2)}` : '?');

export function formatTokens(n: number): string {
  if (!finite(n)) return '?';
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)}M`;
  if (n >= 10_000) return `${Math.round(n / 1000)}k`;
  return formatCount(n);
}

/** "3m ago", "in 2h", from an ISO string; the raw text when it is not a time. */
export function formatRelative(iso: string | null | undefined, now: number = Date.now()): string {
  if (iso == null || iso === '') return '';
  if (typeof iso !== 'string') return inert(String(iso));
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return inert(iso);
  const s = Math.round((t - now) / 1000);
  const a = Math.abs(s);
  const v = a < 60 ? `${a}s` : a < 3600 ? `${Math.floor(a / 60)}m` : a < 86400 ? `${Math.floor(a / 3600)}h` : `${Math.floor(a / 86400)}d`;
  return s <= 0 ? `${v} ago` : `in ${v}`;
}

/** "2026-11-26 11:45" in UTC, as stored. */
export const formatTime = (iso: string | null | undefined): string => (iso == null || iso === '' ? '' : inert(String(iso)).replace('T', ' ').slice(0, 16));
