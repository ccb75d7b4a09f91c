import React from 'react';
import { describe, it, expect } from 'vitest';
import { render } from 'ink-testing-library';
import { ListView, type Column } from '../../components/ListView.js';
import { ThemeProvider, plainTheme } from '../../components/theme/index.js';
import { strip } from '../app/driver.js';

// The rows are drawn as one block of text (components/ListRows.tsx): its lines must stay the rows,
// one each, whatever the values hold and however narrow the terminal is.
interface Row {
  id: number;
  a: string;
  b: string;
}
const rows: Row[] = Array.from({ length: 6 }, (_, i) => ({ id: i, a: `first ${i}`, b: `second ${i}` }));

const draw = (columns: Column<Row>[], width: number, data = rows, cursor = 1) =>
  strip(
    render(
      <ThemeProvider theme={plainTheme}>
        <ListView<Row> columns={columns} rows={data} cursor={cursor} width={width} height={data.length + 1} status="ready" rowKey={(r) => r.id} />
      </ThemeProvider>,
    ).lastFrame(),
  ).split('\n');

describe('list rows as one block', () => {
  const fixed: Column<Row>[] = [
    { header: 'A', width: 12, value: (r) => r.a },
    { header: 'B', width: 12, value: (r) => r.b },
  ];

  it('one line per row, the selected one marked, no blank line after the last', () => {
    const lines = draw(fixed, 40);
    expect(lines).toHaveLength(1 + rows.length);
    expect(lines.slice(1).map((l) => l.trimEnd())).toEqual(rows.map((r) => `${r.id === 1 ? '> ' : '  '}${r.a.padEnd(12)} ${r.b}`));
  });

  it('columns wider than the terminal (none to drop): each row still on its own line, cut at the width', () => {
    const lines = draw(fixed, 20);
    expect(lines).toHaveLength(1 + rows.length);
    for (const [i, line] of lines.slice(1).entries()) {
      expect(line.length).toBeLessThanOrEqual(20);
      expect(line).toContain(`first ${i}`);
    }
  });

  it('a value holding newlines stays on its row (shown as ↵)', () => {
    const data = rows.map((r) => (r.id === 2 ? { ...r, a: 'two\nlines', b: 'x\r\ny' } : r));
    const lines = draw(fixed, 40, data);
    expect(lines).toHaveLength(1 + rows.length);
    expect(lines[3]).toMatch(/^ {2}two↵lines +x↵y/);
    expect(lines[4]).toContain('first 3');
  });
});
