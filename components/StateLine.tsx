import React from 'react';
import { ToneText } from './theme/index.js';
import { inert } from './text/inert.js';

export interface StateLineProps {
  readonly status: 'loading' | 'error' | 'missing';
  readonly error?: string;
  /** what is missing, as a sentence */
  readonly missing?: string;
}

/** The one line a view shows while it has no data: loading, the error, or what is not there. */
export function StateLine({ status, error, missing }: StateLineProps) {
  if (status === 'loading') return <ToneText tone="muted">Loading…</ToneText>;
  if (status === 'error') return <ToneText tone="danger">{`Error: ${inert(error)}`}</ToneText>;
  return <ToneText tone="muted">{inert(missing)}</ToneText>;
}
