import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject } from '../helpers/seed.js';
import { startConsole, KEYS } from '../app/driver.js';
import { insertServicePrompt } from '../db/prompt-history-seed.js';
import type { Connection } from '../../db/connection.js';
import { focused, row, submit, toField } from './form-driver.js';

// Issue 14 item 2: the prompt, API-key and schedule forms are one form system (components/form):
// each refusal under the field it is about, a visible cursor that ←/→/Home/End move inside the
// focused field, and keys in one read landing one by one.

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const DELETE = '\u001b[3~';
const promptText = (conn: Connection): unknown => (conn.sqlite.prepare('SELECT prompt FROM prompt_history ORDER BY id DESC LIMIT 1').get() as { prompt: string }).prompt;

async function promptForm() {
  const conn = freshDatabase();
  insertServicePrompt(conn.sqlite, { prompt: 'an older prompt' });
  const c = await startConsole(conn, { initialScreen: 'prompts', columns: 110 });
  stop = c.unmount;
  await c.waitFor('1-1 of 1');
  await c.press('n', 'Log a new prompt');
  return { conn, c };
}

describe('the cursor inside a field', () => {
  it('← → Home End and Delete edit the middle of the prompt field; the cursor is a block on its character, _ only at the end', async () => {
    const { conn, c } = await promptForm();
    await c.type('xac');
    expect(row(c.frame(), 'Prompt').line).toContain('Prompt      xac_');
    let f = await c.press(KEYS.home);
    expect(row(f, 'Prompt').line).toMatch(/Prompt {6}xac +│$/); // no _: the block stands on the x
    await c.press(DELETE, (fr) => row(fr, 'Prompt').line.includes(' ac '));
    await c.tap(KEYS.right); // the block moves from the a to the c: the text reads the same
    await c.press('b', (fr) => row(fr, 'Prompt').line.includes(' abc '));
    await c.press(KEYS.left, (fr) => row(fr, 'Prompt').line.includes(' abc '));
    await c.press(KEYS.end, (fr) => row(fr, 'Prompt').line.includes(' abc_'));
    await c.type('!');
    await c.press(KEYS.left); // the _ goes: the block is on the !
    await c.tap(KEYS.left); // on the c
    f = await c.press(KEYS.backspace, (fr) => row(fr, 'Prompt').line.includes(' ac! '));
    expect(row(f, 'Prompt').line).toContain('Prompt      ac! ');
    await submit(c, 'Log this prompt?');
    await c.press('y', 'audited as prompt:logged');
    expect(promptText(conn)).toBe('ac!');
  });

  it('a burst with arrows in one read (text, ←, text, Enter) lands each key in turn: the middle edit, then the next field', async () => {
    const { conn, c } = await promptForm();
    c.ink.stdin.write(`stand p${KEYS.left}u${KEYS.end}!\r`);
    const f = await c.waitFor((fr) => focused(fr).includes('Category'));
    expect(row(f, 'Prompt').line).toContain('Prompt      stand up!');
    c.ink.stdin.write('\r\r\r\r');
    await c.waitFor('Log this prompt?');
    await c.press('y', 'audited as prompt:logged');
    expect(promptText(conn)).toBe('stand up!');
  });

  it('← Home → edit the middle of a search being typed (a TextField outside a form)', async () => {
    const { c } = await promptForm();
    await c.press(KEYS.esc, '/ to search');
    await c.press('/');
    await c.type('aker');
    await c.press(KEYS.home);
    await c.tap(KEYS.right);
    await c.press('w', '/awker');
    const f = await c.press(KEYS.enter);
    expect(f).not.toContain('/awker_');
  });
});

describe('refusals beside their field', () => {
  it("the prompt form puts log-prompt's refusal under the field it is about", async () => {
    const { c } = await promptForm();
    await submit(c, 'Refused: the prompt text is empty.');
    expect(row(c.frame(), 'Prompt').under).toContain('✗ Refused: the prompt text is empty.');
    await c.press(KEYS.up, (fr) => focused(fr).includes('Context'));
    for (let i = 0; i < 3; i++) await c.press(KEYS.up);
    await c.type('notes');
    expect(c.frame()).not.toContain('Refused'); // the edit answers it
    await c.press(KEYS.down);
    await c.press(KEYS.down);
    await c.type(',,x');
    await submit(c, 'a tag cannot be empty');
    expect(row(c.frame(), 'Tags').under).toContain('✗ Refused: a tag cannot be empty.');
  });

  it('the API-key form says an empty agent id under the agent row and keeps the focus there; Esc issues nothing', async () => {
    const conn = freshDatabase();
    const c = await startConsole(conn, { initialScreen: 'api-keys', columns: 100 });
    stop = c.unmount;
    await c.waitFor('No API keys');
    await c.press('n', 'Issue a new API key');
    let f = await c.press(KEYS.enter, 'needs an agent id');
    expect(row(f, 'Agent id:').under).toContain('✗ an API key needs an agent id');
    expect(focused(f)).toContain('Agent id:');
    await c.type('solo');
    expect(c.frame()).not.toContain('needs an agent id');
    await c.press(KEYS.enter, (fr) => focused(fr).includes('Expires in days'));
    await c.type('0');
    f = await c.press(KEYS.enter, 'days must be a number');
    expect(row(f, 'Expires in days (empty: never):').under).toContain('✗ days must be a number');
    await c.press(KEYS.esc, 'n new key');
    expect(conn.sqlite.prepare('SELECT count(*) AS n FROM api_keys').get()).toEqual({ n: 0 });
  });

  it('the API-key form typed in one read with a middle edit issues the key for the edited agent', async () => {
    const conn = freshDatabase();
    const c = await startConsole(conn, { initialScreen: 'api-keys', columns: 100 });
    stop = c.unmount;
    await c.waitFor('No API keys');
    await c.press('n', 'Issue a new API key');
    c.ink.stdin.write(`agnt-7${KEYS.home}${KEYS.right}${KEYS.right}e\r\r`);
    await c.waitFor('New API key for agent-7');
    expect(conn.sqlite.prepare('SELECT agent_id FROM api_keys').all()).toEqual([{ agent_id: 'agent-7' }]);
  });

  it('the schedule form shows every refusal at once, each under its own row, once the fields are reached', async () => {
    const conn = freshDatabase();
    seedProject(conn.sqlite, { name: 'web' });
    const c = await startConsole(conn, { initialScreen: 'schedules', columns: 140, rows: 40 });
    stop = c.unmount;
    await c.waitFor('No schedules');
    let f = await c.press('n', (fr) => focused(fr).startsWith('> project'));
    expect(f).not.toContain('✗'); // nothing reached yet but the project, which is fine
    await toField(c, 'expires');
    await c.type('whenever');
    f = await submit(c, 'Not saved:');
    expect(f).not.toContain('Create this schedule?');
    expect(row(f, 'owner').under).toContain('✗ the owner "U_ADMIN" is not a user in this database');
    expect(row(f, 'prompt').under).toContain('✗ a schedule needs a prompt');
    expect(row(f, 'when').under).toMatch(/✗ /);
    expect(row(f, 'expires').under).toContain('✗ could not read "whenever"');
    expect(row(f, 'project').under).not.toContain('✗');
    expect(f.split('\n').filter((l) => l.includes('✗')).length).toBeGreaterThanOrEqual(4);
    // a field put right loses its line; the others stay
    await toField(c, 'prompt', KEYS.up);
    await c.type('stand up');
    f = await c.waitFor((fr) => !row(fr, 'prompt').under.includes('✗'));
    expect(row(f, 'owner').under).toContain('is not a user');
    expect(row(f, 'expires').under).toContain('could not read');
    expect(conn.sqlite.prepare('SELECT count(*) AS n FROM scheduled_tasks').get()).toEqual({ n: 0 });
  });
});
