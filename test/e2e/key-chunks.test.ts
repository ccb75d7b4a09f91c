import { describe, expect, it } from 'vitest';
import { hasTmux } from '../helpers/spawn-tmux.js';
import { consoleInTmux } from './open-console.js';

// tmux writes all the keys of one send-keys call at once: the console reads them as one chunk.

const { open } = consoleInTmux('chunks');

/** The list rows from the selected one down, without the cursor mark. */
const rowsFromCursor = (screen: string): string[] => {
  const lines = screen.split('\n');
  return lines.slice(lines.findIndex((l) => l.startsWith('> '))).map((l) => l.slice(2).trim());
};

describe.skipIf(!hasTmux())('keys sent in one tmux call (one read)', () => {
  it('j j j moves three rows; typed text and Enter in one call apply a filter', async () => {
    const s = open(120, 40);
    await s.waitFor(/Tasks by status/);
    s.literal('2');
    const list = await s.waitFor((t) => /^> /m.test(t) && /1-\d+ of [\d,]+/.test(t));
    const fourth = rowsFromCursor(list)[3]!;
    s.keys('j', 'j', 'j');
    const moved = await s.waitFor((t) => rowsFromCursor(t)[0] === fourth);
    expect(rowsFromCursor(moved)[0]).toBe(fourth);

    s.literal('/');
    await s.waitFor(/^\/_ /m);
    s.tmux('send-keys', '-t', 'main', '-l', 'status:pending e2e cancel', ';', 'send-keys', '-t', 'main', 'Enter');
    const filtered = await s.waitFor(/1-1 of 1/);
    expect(filtered).toContain('e2e cancel me please');
    expect(filtered).not.toMatch(/^\/status/m); // the field closed: Enter was heard, not typed
    s.keys('Enter', 'C-c');
    await s.waitFor(/EXIT=\d/);
  }, 60_000);

  it('four Downs in one call move the palette four rows; a lone Esc closes it; a filter typed with q and 1 stays text', async () => {
    const s = open(120, 40);
    await s.waitFor(/Tasks by status/);
    s.literal(':');
    await s.waitFor(/> 1 Dashboard/);
    s.keys('Down', 'Down', 'Down', 'Down');
    await s.waitFor(/> 5 API keys/);
    s.keys('Escape');
    await s.waitFor((t) => !/API keys/.test(t) && /Tasks by status/.test(t));
    s.literal('2');
    await s.waitFor(/1-\d+ of [\d,]+/);
    s.tmux('send-keys', '-t', 'main', '-l', '/q1 nothing matches this', ';', 'send-keys', '-t', 'main', 'Enter');
    await s.waitFor(/filter q1 nothing matches this/);
    s.keys('C-c');
    await s.waitFor(/EXIT=\d/);
  }, 60_000);

  it('a paste onto a list is one text, not keys: "jjq" pasted neither moves nor quits; pasted into a filter it is typed', async () => {
    const s = open(120, 40);
    await s.waitFor(/Tasks by status/);
    s.literal('2');
    const list = await s.waitFor((t) => /^> /m.test(t) && /1-\d+ of [\d,]+/.test(t));
    const first = rowsFromCursor(list)[0]!;
    s.tmux('set-buffer', 'jjq');
    s.tmux('paste-buffer', '-p', '-t', 'main'); // -p: bracketed, as the console asked the terminal
    s.literal('/');
    await s.waitFor(/^\/_ /m);
    expect(rowsFromCursor(s.screen())[0]).toBe(first);
    s.tmux('set-buffer', 'q1 pasted');
    s.tmux('paste-buffer', '-p', '-t', 'main');
    await s.waitFor(/^\/q1 pasted_/m);
    s.keys('C-c');
    await s.waitFor(/EXIT=\d/);
  }, 60_000);
});
