import React from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import Yoga, { type MeasureFunction, type Node } from 'yoga-layout';
import { ListView, type Column } from '../../components/ListView.js';
import { ThemeProvider, colourTheme } from '../../components/theme/index.js';

// Ink measures a text node through a module-level cache keyed by its text that is never emptied,
// so every row it measures stays in memory for good. Yoga calls a node's measure function only
// when it cannot size the node itself: counting those calls shows whether rows get measured.
const sample = Yoga.Node.create();
const proto = Object.getPrototypeOf(sample) as Node;
sample.free();
const original = proto.setMeasureFunc;
let measured = 0;

beforeAll(() => {
  proto.setMeasureFunc = function (this: Node, fn: MeasureFunction | null) {
    const counted: MeasureFunction | null = fn && ((...args) => (measured++, fn(...args)));
    return original.call(this, counted);
  };
});
afterAll(() => {
  proto.setMeasureFunc = original;
});

interface Row {
  id: number;
  name: string;
}
const columns: Column<Row>[] = [
  { header: 'Id', width: 7, value: (r) => String(r.id), align: 'right', tone: () => 'accent' },
  { header: 'Name', width: 0, value: (r) => `task number ${r.id} with a long prompt that is cut to the column`.repeat(2) },
];
const page = (n: number): Row[] => Array.from({ length: 20 }, (_, i) => ({ id: n * 20 + i, name: '' }));

describe('ListView while scrolling', () => {
  it('never has Ink measure a row, so rows scrolled past are not kept', () => {
    const draw = (n: number, cursor: number) => (
      <ThemeProvider theme={colourTheme}>
        <ListView<Row> columns={columns} rows={page(n)} cursor={cursor} width={80} height={21} status="ready" rowKey={(r) => r.id} />
      </ThemeProvider>
    );
    const ink = render(draw(0, 0));
    const afterFirst = measured;
    for (let n = 1; n <= 30; n++) ink.rerender(draw(n, n % 20));
    expect(ink.lastFrame()).toContain('619');
    expect(measured - afterFirst).toBe(0);
    ink.unmount();
  });
});
