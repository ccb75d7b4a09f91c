import { describe, expect, it } from 'vitest';
import { hasTmux } from '../helpers/spawn-tmux.js';
import { consoleInTmux } from './open-console.js';

// Issue 15, items 1 and 2 on the built binary: the stated minimum (60x15) draws cleanly, and a
// terminal made too small and then large again keeps the screen's cursor and filter.

const { open } = consoleInTmux('sizes');

const selected = (screen: string): string | undefined => screen.split('\n').find((l) => l.startsWith('> '));

describe.skipIf(!hasTmux())('every size down to the minimum (tmux, built binary)', () => {
  it('at 60x15 the dashboard panels each show once and in order, the help pages, the palette scrolls', async () => {
    const s = open(60, 15);
    const dash = await s.waitFor(/Latest audit events/);
    let at = -1;
    for (const t of ['Tasks by status', 'Tokens and cost', 'Latest audit events']) {
      expect(dash.split(t).length - 1, t).toBe(1);
      expect(dash.indexOf(t)).toBeGreaterThan(at);
      at = dash.indexOf(t);
    }
    expect(dash).toMatch(/Running now/);
    expect(dash).toMatch(/Schedules/);
    s.literal('?');
    const first = await s.waitFor(/Keys 1\/\d+/);
    expect(first).toMatch(/\?\s+help: every key/);
    s.keys('PageDown');
    await s.waitFor(/Keys 2\/\d+/);
    s.keys('Escape');
    await s.waitForGone(/Keys \d/);
    s.literal(':');
    await s.waitFor(/below/);
    for (let i = 0; i < 8; i++) s.keys('Down');
    const palette = await s.waitFor(/> 9 Projects/);
    expect(palette).toMatch(/above/);
    s.keys('Escape');
    // Esc and q written back to back can reach the console in one read, as Alt+q: wait for the
    // palette to close first, as a person's next key would
    await s.waitForGone(/screen name or number/);
    s.literal('q');
    await s.waitFor(/EXIT=0/);
  }, 90_000);

  it('too small and back: the list keeps its filter, cursor and scroll', async () => {
    const s = open(80, 24);
    await s.waitFor(/Tasks by status/);
    s.literal('2');
    await s.waitFor(/\d+-\d+ of [\d,]+/);
    s.literal('/');
    s.literal('status:completed');
    s.keys('Enter');
    await s.waitFor(/status:completed/);
    s.keys('PageDown');
    s.keys('Down');
    s.keys('Down');
    await new Promise((r) => setTimeout(r, 500));
    const before = await s.waitFor(/^> /m);
    s.resize(50, 12);
    await s.waitFor(/Terminal too small/);
    s.resize(80, 24);
    await s.waitForGone(/Terminal too small/);
    const after = await s.waitFor(/^> /m);
    expect(selected(after)).toBe(selected(before));
    expect(after).toContain('status:completed');
    expect(after.split('\n').filter((l) => / \d{4}-\d\d-\d\d /.test(l))).toEqual(before.split('\n').filter((l) => / \d{4}-\d\d-\d\d /.test(l)));
    s.literal('q');
    await s.waitFor(/EXIT=0/);
  }, 90_000);
});
