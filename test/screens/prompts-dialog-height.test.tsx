import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { startConsole, KEYS, expectFits } from '../app/driver.js';
import { insertServicePrompt } from '../db/prompt-history-seed.js';

// Issue 14 item 4: every dialog measures its own height. The prompt detail's question grew with
// the notes typed, while the screen kept 7 lines for it: the frame ran past the terminal.

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('the prompt detail question', () => {
  it('with long notes on a narrow terminal, the whole frame still fits and the question shows whole', async () => {
    const conn = freshDatabase();
    const id = insertServicePrompt(conn.sqlite, { prompt: 'Add rate limiting to the API gateway', context: 'Customers hit 429s', tags: '["api"]' });
    const rows = 24;
    const c = await startConsole(conn, { initialScreen: 'prompts', columns: 60, rows });
    stop = c.unmount;
    await c.waitFor('1-1 of 1');
    await c.press(KEYS.enter, `#${id}`);
    await c.press('f', `Prompt #${id} failed`);
    const notes = 'the gateway kept the old limits after the deploy and nobody noticed for two days';
    await c.type(notes);
    const f = await c.press(KEYS.enter, `Mark prompt #${id} failed?`);
    expect(f).toMatch(/No \(n\)/);
    expectFits(f, rows);
  });
});
