import React from 'react';
import { describe, it, expect } from 'vitest';
import { render } from 'ink-testing-library';
import { ListView, type Column } from '../../components/ListView.js';
import { ThemeProvider, plainTheme } from '../../components/theme/index.js';
import { strip } from '../app/driver.js';

interface Row {
  id: number;
  name: string;
}
const columns: Column<Row>[] = [
  { header: 'Id', width: 4, value: (r) => String(r.id), align: 'right' },
  { header: 'Name', width: 0, value: (r) => r.name },
];
const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: i, name: `row ${i}` }));

const draw = (props: Partial<React.ComponentProps<typeof ListView<Row>>>) =>
  strip(
    render(
      <ThemeProvider theme={plainTheme}>
        <ListView<Row> columns={columns} rows={rows(5)} cursor={0} width={40} height={10} status="ready" rowKey={(r) => r.id} {...props} />
      </ThemeProvider>,
    ).lastFrame(),
  );

describe('ListView', () => {
  it('draws a header and never more rows than its height allows', () => {
    const f = draw({ rows: rows(50), height: 8 });
    const lines = f.split('\n');
    expect(lines[0]).toMatch(/^\s+Id Name/);
    expect(lines).toHaveLength(8);
    expect(f).toContain('row 6');
    expect(f).not.toContain('row 7');
  });

  it('marks the selected row with > (readable without colour)', () => {
    const f = draw({ cursor: 2 });
    expect(f.split('\n').filter((l) => l.startsWith('>'))).toEqual([expect.stringContaining('row 2')]);
  });

  it('shows database text inert: escapes, newlines and control characters visible as escapes', () => {
    const f = draw({ rows: [{ id: 1, name: 'red \u001b[31mALERT\u001b[0m\nnext\u0007bell \u001b]0;title\u0007x' }], width: 80 });
    expect(f).toContain('red \\x1b[31mALERT\\x1b[0m↵next\\x07bell \\x1b]0;title\\x07x');
    expect(f).not.toContain('\u001b');
  });

  it('says loading, empty and error in one line each', () => {
    expect(draw({ status: 'loading' })).toContain('Loading…');
    expect(draw({ status: 'empty', message: 'No tasks in this database.' })).toContain('No tasks in this database.');
    expect(draw({ status: 'error', message: 'the database is locked' })).toContain('Error: the database is locked');
  });

  it('truncates a long cell to its column instead of wrapping', () => {
    const f = draw({ rows: [{ id: 1, name: 'x'.repeat(100) }], width: 30 });
    const lines = f.split('\n');
    expect(lines[1]).toMatch(/x+…$/);
    expect(lines[2]!.trim()).toBe('');
  });
});
