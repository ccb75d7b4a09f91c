import React from 'react';
import { describe, it, expect } from 'vitest';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { StaticTable, staticTableHeight, type TableColumn } from '../../components/StaticTable.js';

interface Row {
  name: string;
  count: number;
}

const columns: TableColumn<Row>[] = [
  { title: 'name', text: (r) => r.name },
  { title: 'prompts', text: (r) => String(r.count), align: 'right' },
  { title: 'share', text: (_r, w) => '█'.repeat(Math.min(w, 3)).padEnd(w, '░'), fill: true },
];

const rows: Row[] = [
  { name: 'feature', count: 1200 },
  { name: '日本語のカテゴリ名はとても長いです', count: 7 },
  { name: 'family 👨‍👩‍👧 and flag 🇯🇵', count: 12 },
  { name: 'evil\u001b[2Jclear\u0007bell', count: 3 },
  { name: 'x'.repeat(500), count: 1 },
];

const frameOf = (width: number, r: Row[] = rows, maxRows?: number): string => render(<StaticTable columns={columns} rows={r} width={width} maxRows={maxRows} />).lastFrame() ?? '';

describe('StaticTable (ink-table)', () => {
  for (const width of [60, 120]) {
    it(`fits ${width} columns: every line as wide as the table, none wider than the terminal`, () => {
      const lines = frameOf(width).split('\n');
      expect(lines).toHaveLength(staticTableHeight(rows.length));
      const widths = lines.map((l) => stringWidth(l));
      for (const w of widths) expect(w).toBeLessThanOrEqual(width);
      // the borders line up: all lines equally wide, in terminal cells (CJK and emoji included)
      expect(new Set(widths).size).toBe(1);
      expect(lines[0]).toMatch(/^┌─+┬─+┬─+┐$/);
      expect(lines[1]).toMatch(/^│ name +│ prompts │ share +│$/);
      expect(lines[3]).toMatch(/^│ feature +│ +1200 │ ███░* │$/);
      expect(lines.at(-1)).toMatch(/^└─+┴─+┴─+┘$/);
    });
  }

  it('makes cell text inert: escapes show as text, never reach the terminal', () => {
    const f = frameOf(120);
    expect(f).not.toContain('\u001b[2J');
    expect(f).not.toContain('\u0007');
    expect(f).toContain('evil\\x1b[2Jclear\\x07bell');
  });

  it('cuts long cells with … and uses the width left for the fill column', () => {
    const at60 = frameOf(60);
    expect(at60).toContain('…');
    const share = (f: string): number => (f.split('\n')[3]!.match(/[█░]+/)?.[0] ?? '').length;
    expect(frameOf(120, rows.slice(0, 1))).toMatch(/share/);
    expect(share(frameOf(120, rows.slice(0, 1)))).toBeGreaterThan(share(frameOf(60, rows.slice(0, 1))));
  });

  it('counts the rows it leaves out, and says so when empty', () => {
    const f = frameOf(80, rows, 2);
    expect(f.split('\n')).toHaveLength(staticTableHeight(rows.length, 2));
    expect(f).toContain('… and 3 more');
    expect(frameOf(80, [])).toBe('none');
  });

  it('leaves columns out from the right rather than draw wider than a narrow terminal', () => {
    const many: TableColumn<Row>[] = Array.from({ length: 12 }, (_, i) => ({ title: `column ${i}`, text: (r: Row) => `${r.name} ${i}`, min: 6 }));
    const lines = (render(<StaticTable columns={many} rows={rows} width={60} />).lastFrame() ?? '').split('\n');
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(60);
    const shown = (lines[1]!.match(/│/g) ?? []).length - 1;
    expect(shown).toBeGreaterThan(1);
    expect(shown).toBeLessThan(12);
    expect(lines[1]).toMatch(/^│ colum/);
  });
});
