import React from 'react';
import { Box } from 'ink';
import { StaticTable, staticTableHeight, type TableColumn } from '../../components/StaticTable.js';
import { ToneText } from '../../components/theme/index.js';
import type { ChangedField } from './audit-entry-lines.js';

const COLUMNS: TableColumn<ChangedField>[] = [
  { title: 'field', text: (c) => c.field, min: 6 },
  { title: 'before', text: (c) => c.before, min: 8 },
  { title: 'after', text: (c) => c.after, min: 8, tone: 'accent' },
];

const rowsFor = (bodyHeight: number): number => Math.max(1, Math.floor(bodyHeight / 2) - 5);

/** Lines the block takes: nothing without a before/after pair, else its title and the table. */
export const changedFieldsHeight = (fields: readonly ChangedField[] | null, bodyHeight: number): number => (fields === null ? 0 : 1 + staticTableHeight(fields.length, rowsFor(bodyHeight)));

/** What a console change altered, field by field: before and after side by side (the full rows are in the metadata). */
export function ChangedFieldsTable({ fields, width, bodyHeight }: { fields: readonly ChangedField[] | null; width: number; bodyHeight: number }) {
  if (fields === null) return null;
  return (
    <Box flexDirection="column" flexShrink={0}>
      <ToneText tone="title">Changed (before → after)</ToneText>
      <StaticTable columns={COLUMNS} rows={fields} width={width} maxRows={rowsFor(bodyHeight)} empty="no field differs" />
    </Box>
  );
}
