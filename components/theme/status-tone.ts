import type { Tone } from './tokens.js';

/** The tone of a status word from any table (tasks, sessions, schedules, keys). */
export function statusTone(status: string): Tone | undefined {
  switch (status) {
    case 'running':
    case 'active':
      return 'info';
    case 'completed':
      return 'success';
    case 'failed':
    case 'expired':
    case 'revoked':
    case 'invalidated':
      return 'danger';
    case 'pending':
    case 'queued':
    case 'paused':
      return 'warning';
    case 'cancelled':
      return 'muted';
    default:
      return undefined;
  }
}
