import React, { useMemo } from 'react';
import { Box } from 'ink';
import { ListPane } from '../../components/ListPane.js';
import { usePagedList } from '../../src/hooks/use-paged-list.js';
import { useListKeys } from '../../src/hooks/use-list-keys.js';
import { useNavigation } from '../../src/app/navigation.js';
import { isCommand } from '../../src/keymap/keymap.js';
import type { ScreenProps } from '../../src/app/screen-props.js';
import { auditColumns, auditSource, AUDIT_FILTER_FIELDS, AUDIT_SORTABLE } from './audit-list.js';
import { useUndo } from './use-undo.js';
import { UndoDialogs, undoDialogLines } from './UndoDialogs.js';

/** 8 Audit log: newest first, filtered by action, user, resource type and id; Enter shows the metadata, u undoes. */
export function AuditScreen({ active, params, width, height }: ScreenProps) {
  const nav = useNavigation();
  const undo = useUndo();
  const paneHeight = height - undoDialogLines(undo, width);
  const paged = usePagedList(auditSource, AUDIT_FILTER_FIELDS, paneHeight - 2, {
    active,
    initialFilter: params.filter,
    empty: 'No audit entries in this database.',
    sortable: AUDIT_SORTABLE,
  });
  const columns = useMemo(() => auditColumns(width), [width]);
  const selected = paged.list.selected;
  useListKeys(paged.list, {
    active,
    scope: 'audit',
    onOpen: () => selected && nav.push('audit-entry', { auditId: String(selected.id) }),
    onFilter: paged.filter.open,
    onKey: (k) => {
      if (!selected || !isCommand('audit.undo', k.name)) return false;
      undo.request(selected.id);
      return true;
    },
  });
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <UndoDialogs undo={undo} width={width} />
      <ListPane height={paneHeight} filter={{ ...paged.filter, fields: AUDIT_FILTER_FIELDS, position: paged.position }} list={{ ...paged.view, columns, width, rowKey: (a) => a.id }} />
    </Box>
  );
}
