import React, { useMemo } from 'react';
import { DetailLines } from '../../components/DetailLines.js';
import { StateLine } from '../../components/StateLine.js';
import { auditEntry } from '../../db/views/audit.js';
import { useServices } from '../../src/app/services.js';
import { useLive } from '../../src/app/live.js';
import { useQuery } from '../../src/hooks/use-query.js';
import { useStaticList } from '../../src/hooks/use-static-list.js';
import { useListKeys } from '../../src/hooks/use-list-keys.js';
import type { ScreenProps } from '../../src/app/screen-props.js';
import { auditEntryLines } from './audit-entry-lines.js';

const LABEL = 10;

/** One audit entry: its fields and the metadata as formatted JSON, scrolled with the list keys. */
export function AuditEntryScreen({ active, params, width, height }: ScreenProps) {
  const { db } = useServices();
  const { version } = useLive();
  const id = params.auditId ?? '';
  const entry = useQuery(() => auditEntry(db, Number(id)), id, version);
  const textWidth = Math.max(10, width - LABEL - 3);
  const lines = useMemo(() => (entry.status === 'ready' && entry.data ? auditEntryLines(entry.data, textWidth) : []), [entry, textWidth]);
  const list = useStaticList(lines.length, height);
  useListKeys(list, { active, scope: 'audit-entry' });
  if (entry.status !== 'ready' || !entry.data) {
    return <StateLine status={entry.status === 'ready' ? 'missing' : entry.status} error={entry.status === 'error' ? entry.error : undefined} missing={`Audit entry ${id} is not in this database.`} />;
  }
  return <DetailLines lines={lines} cursor={list.cursor} offset={list.offset} height={height} labelWidth={LABEL} />;
}
