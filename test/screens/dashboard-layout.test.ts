import { describe, it, expect } from 'vitest';
import { clipLines, dashboardLayout } from '../../screens/dashboard/dashboard-layout.js';

describe('the dashboard layout', () => {
  it('gives each row all it needs, a blank line between, when they fit', () => {
    expect(dashboardLayout([6, 6, 10], 30)).toEqual({ budgets: [6, 6, 10], gap: 1 });
  });

  it('shares the lines when they do not: titles kept, at least one line a row, the largest cut first', () => {
    const { budgets, gap } = dashboardLayout([6, 6, 10], 11);
    expect(gap).toBe(0);
    expect(budgets.reduce((a, b) => a + b, 0)).toBe(8);
    expect(Math.min(...budgets)).toBeGreaterThanOrEqual(2);
    // rows that need little keep it all, however short the height
    expect(dashboardLayout([1, 2, 1], 5).budgets).toEqual([1, 1, 1]);
    expect(dashboardLayout([1, 2, 1], 7).budgets).toEqual([1, 2, 1]);
    expect(dashboardLayout([2, 2, 2], 8).budgets.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(6);
  });

  it('keeps the selected line in the window and a line for saying what is hidden', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    expect(clipLines(items, 4)).toEqual({ shown: [0, 1, 2], above: 0, below: 7 });
    expect(clipLines(items, 4, 8)).toEqual({ shown: [6, 7, 8], above: 6, below: 1 });
    expect(clipLines(items, 20, 8).shown).toHaveLength(10);
  });
});
