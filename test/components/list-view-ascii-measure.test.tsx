import React from 'react';
import { describe, it, expect, vi, afterEach } from 'vitest';
import { render } from 'ink-testing-library';
import { ListView, type Column } from '../../components/ListView.js';
import { ThemeProvider, colourTheme } from '../../components/theme/index.js';
import { standInFor, restoreEllipsis } from '../../components/text/ascii-line.js';
import { strip } from '../app/driver.js';

// Ink measures every text node with string-width before drawing it; a line with any non-ASCII
// character (the `…` of a cut cell, in nearly every row) is segmented into graphemes, a quarter of
// a frame at 120x40. Rows reach Ink with an ASCII stand-in that Ink's transform turns back into `…`.
interface Row {
  id: number;
  name: string;
  tail: string;
}
const columns: Column<Row>[] = [
  { header: 'Id', width: 3, value: (r) => String(r.id), align: 'right' },
  { header: 'Name', width: 8, value: (r) => r.name, tone: () => 'warning' },
  { header: 'Tail', width: 0, value: (r) => r.tail },
];
const rows: Row[] = Array.from({ length: 20 }, (_, i) => ({ id: i, name: `a long name ${i}`, tail: `${'tail text '.repeat(12)}${i}` }));
rows[3] = { id: 3, name: 'til~de ~~ and `tick` ^', tail: 'a ~ b ` c ^ d | e '.repeat(8) };

const view = (cursor: number) => (
  <ThemeProvider theme={colourTheme}>
    <ListView<Row> columns={columns} rows={rows} cursor={cursor} width={80} height={22} status="ready" rowKey={(r) => r.id} />
  </ThemeProvider>
);

afterEach(() => vi.restoreAllMocks());

describe('ListView rows are measured on ASCII', () => {
  it('a cursor move segments no row into graphemes, and every cut still shows …', () => {
    const ink = render(view(0));
    // the texts string-width segments (Ink's drawing stage segments every line too, whatever it holds: not counted)
    const measured: string[] = [];
    const segment = Intl.Segmenter.prototype.segment;
    vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, text: string) {
      if (new Error().stack?.includes('string-width')) measured.push(text);
      return segment.call(this, text);
    });
    ink.rerender(view(1));
    ink.rerender(view(2));
    // Ink measures each drawn `…` alone once a frame (its per-frame cache); before, each cut row was segmented whole (20 a frame)
    expect(measured.filter((t) => t.length > 1)).toEqual([]);
    const lines = strip(ink.lastFrame()).split('\n');
    expect(lines[1]).toMatch(/^ {4}0 a long … tail text tail text .*…$/);
    expect(lines.filter((l) => l.includes('…')).length).toBe(20);
    ink.unmount();
  });

  it('text holding the stand-ins stays as stored', () => {
    const ink = render(view(3));
    const line = strip(ink.lastFrame())
      .split('\n')
      .find((l) => l.startsWith('> '))!;
    expect(line).toContain('til~de …');
    expect(line).toContain('a ~ b ` c ^ d | e a ~ b');
    expect(line.endsWith('…')).toBe(true);
    ink.unmount();
  });

  it('picks a stand-in absent from the row, none when every one is taken', () => {
    expect(standInFor(['plain'])).toBe('~');
    expect(standInFor(['a~b', 'c`'])).toBe('^');
    expect(standInFor(['~`^|{}@_\\'])).toBeNull();
    expect(restoreEllipsis('^')('x^y^')).toBe('x…y…');
    expect(restoreEllipsis('^')).toBe(restoreEllipsis('^'));
  });
});
