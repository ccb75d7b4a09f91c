import React, { useEffect, useMemo } from 'react';
import { Box } from 'ink';
import { DetailLines } from '../../components/DetailLines.js';
import { StateLine } from '../../components/StateLine.js';
import { auditEntry } from '../../db/views/audit.js';
import { useServices } from '../../src/app/services.js';
import { useLive } from '../../src/app/live.js';
import { useQuery, ONE_ROW_NOW } from '../../src/hooks/use-query.js';
import { useStaticList } from '../../src/hooks/use-static-list.js';
import { useListKeys } from '../../src/hooks/use-list-keys.js';
import { isCommand } from '../../src/keymap/keymap.js';
import type { ScreenProps } from '../../src/app/screen-props.js';
import { auditEntryLines, changedFields } from './audit-entry-lines.js';
import { ChangedFieldsTable, changedFieldsHeight } from './ChangedFieldsTable.js';
import { useUndo } from './use-undo.js';
import { UndoDialogs, undoDialogLines } from './UndoDialogs.js';

const LABEL = 10;

/** One audit entry: its fields and the metadata as formatted JSON, scrolled with the list keys; u undoes its change (asked at once when opened from the flash line). */
export function AuditEntryScreen({ active, params, width, height }: ScreenProps) {
  const { db } = useServices();
  const { version } = useLive();
  const id = params.auditId ?? '';
  const entry = useQuery(() => auditEntry(db, Number(id)), id, version, ONE_ROW_NOW);
  const undo = useUndo();
  // opened from the flash line's `u undo`: the confirmation (or why not) at once
  const fromFlash = params.undo === '1';
  useEffect(() => {
    if (fromFlash) undo.request(Number(id));
  }, [fromFlash, id]); // eslint-disable-line react-hooks/exhaustive-deps
  const bodyHeight = height - undoDialogLines(undo, width);
  const textWidth = Math.max(10, width - LABEL - 3);
  const lines = useMemo(() => (entry.status === 'ready' && entry.data ? auditEntryLines(entry.data, textWidth) : []), [entry, textWidth]);
  const changed = useMemo(() => (entry.status === 'ready' && entry.data ? changedFields(entry.data.row.metadata) : null), [entry]);
  const linesHeight = Math.max(1, bodyHeight - changedFieldsHeight(changed, bodyHeight));
  const list = useStaticList(lines.length, linesHeight);
  const found = entry.status === 'ready' && entry.data;
  useListKeys(list, {
    active,
    scope: 'audit-entry',
    onKey: (k) => {
      if (!found || !isCommand('audit.undo', k.name)) return false;
      undo.request(Number(id));
      return true;
    },
  });
  if (!found) {
    return <StateLine status={entry.status === 'ready' ? 'missing' : entry.status} error={entry.status === 'error' ? entry.error : undefined} missing={`Audit entry ${id} is not in this database.`} />;
  }
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <UndoDialogs undo={undo} width={width} />
      <DetailLines lines={lines} cursor={list.cursor} offset={list.offset} height={linesHeight} labelWidth={LABEL} />
      <ChangedFieldsTable fields={changed} width={width} bodyHeight={bodyHeight} />
    </Box>
  );
}
