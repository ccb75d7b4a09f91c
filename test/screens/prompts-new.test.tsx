import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { startConsole, KEYS } from '../app/driver.js';
import { insertServicePrompt } from '../db/prompt-history-seed.js';
import type { Connection } from '../../db/connection.js';

const TAB = '\t';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const count = (conn: Connection, table: string): number => (conn.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function withForm() {
  const conn = freshDatabase();
  insertServicePrompt(conn.sqlite, { prompt: 'an older prompt' });
  const c = await startConsole(conn, { initialScreen: 'prompts', columns: 110 });
  stop = c.unmount;
  await c.waitFor('1-1 of 1');
  await c.press('n', 'Log a new prompt');
  return { conn, c };
}

/** Fills the fields in order with Enter between them; Enter on the last one submits. */
async function fill(c: Awaited<ReturnType<typeof withForm>>['c'], v: { text?: string; categorySteps?: number; tags?: string; context?: string; files?: string }) {
  if (v.text) await c.type(v.text);
  await c.press(KEYS.enter);
  for (let i = 0; i < (v.categorySteps ?? 0); i++) await c.press(KEYS.right);
  await c.press(KEYS.enter);
  for (const field of [v.tags, v.context]) {
    if (field) await c.type(field);
    await c.press(KEYS.enter);
  }
  if (v.files) await c.type(v.files);
  return c.press(KEYS.enter);
}

describe('logging a new prompt', () => {
  it('refuses empty text and an empty tag as log-prompt does, keeping the form open and writing nothing', async () => {
    const { conn, c } = await withForm();
    let f = await fill(c, { tags: 'api' });
    expect(f).toContain('Refused: the prompt text is empty.');
    expect(f).toContain('Log a new prompt');
    for (let i = 0; i < 4; i++) await c.press(KEYS.up); // from the files back to the prompt
    await c.type('Write the release notes');
    await c.press(TAB);
    await c.press(TAB);
    await c.type(',,docs');
    for (let i = 0; i < 2; i++) await c.press(TAB);
    f = await c.press(KEYS.enter, 'a tag cannot be empty');
    expect(count(conn, 'prompt_history')).toBe(1);
    expect(count(conn, 'audit_logs')).toBe(0);
    f = await c.press(KEYS.esc, '1-1 of 1'); // Esc drops the form
    expect(f).not.toContain('Log a new prompt');
    expect(count(conn, 'prompt_history')).toBe(1);
  });

  it('picks the category from the list, asks first (No selected), then writes one audited row that shows on top', async () => {
    const { conn, c } = await withForm();
    let f = await fill(c, { text: 'Write the release notes', categorySteps: 2, tags: 'docs, release', context: 'v2.0 ships Friday', files: 'CHANGELOG.md, README.md' });
    expect(f).toContain('Log this prompt?');
    expect(f).toContain('(bugfix, tags docs, release)');
    expect(f).toMatch(/> No \(n\)/);
    f = await c.press('n', '1-1 of 1');
    expect(count(conn, 'prompt_history')).toBe(1); // No wrote nothing
    await c.press('n', 'Log a new prompt');
    await fill(c, { text: 'Write the release notes', categorySteps: 2, tags: 'docs, release', context: 'v2.0 ships Friday', files: 'CHANGELOG.md, README.md' });
    f = await c.press('y', 'audited as prompt:logged');
    const row = conn.sqlite.prepare('SELECT * FROM prompt_history ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
    expect(row).toMatchObject({
      id: 2,
      prompt: 'Write the release notes',
      category: 'bugfix',
      tags: '["docs","release"]',
      context: 'v2.0 ships Friday',
      related_files: '["CHANGELOG.md","README.md"]',
      execution_status: 'pending',
      completed_at: null,
    });
    const audit = conn.sqlite.prepare('SELECT action, user_id, resource_type, resource_id FROM audit_logs').all();
    expect(audit).toEqual([{ action: 'prompt:logged', user_id: 'U_ADMIN', resource_type: 'prompt', resource_id: '2' }]);
    f = await c.waitFor('1-2 of 2');
    const rows = f.split('\n').filter((l) => /^[> ] +\d+ \d{4}-/.test(l));
    expect(rows[0]).toContain('Write the release notes'); // newest first
    expect(rows[1]).toMatch(/^> .*an older prompt/); // the cursor stays on its row
  });

  it('a whole form typed in one read (text, Enter, a choice, Tab, more text, Enter) fills every field: each key lands in the field focused then', async () => {
    const { conn, c } = await withForm();
    c.ink.stdin.write(`Ship it q1\r${KEYS.right}${KEYS.right}\rdocs\u0001, release${TAB}v2 ships${TAB}NOTES.md\r`);
    const f = await c.waitFor('Log this prompt?');
    expect(f).toContain('(bugfix, tags docs, release)');
    await c.press('y', 'audited as prompt:logged');
    const row = conn.sqlite.prepare('SELECT prompt, category, tags, context, related_files FROM prompt_history ORDER BY id DESC LIMIT 1').get();
    // Ctrl-a typed nothing; q and 1 were text, not quit and the dashboard
    expect(row).toEqual({ prompt: 'Ship it q1', category: 'bugfix', tags: '["docs","release"]', context: 'v2 ships', related_files: '["NOTES.md"]' });
  });

  it('cycles the category both ways and can leave it empty', async () => {
    const { conn, c } = await withForm();
    await c.type('no category here');
    await c.press(KEYS.enter);
    let f = await c.press(KEYS.left, '‹ research ›');
    f = await c.press(KEYS.right, '‹ (none) ›');
    expect(f).toContain('(none)');
    await c.press(KEYS.enter);
    await c.press(KEYS.enter);
    await c.press(KEYS.enter);
    await c.press(KEYS.enter, 'Log this prompt?');
    await c.press('y', 'audited as prompt:logged');
    expect(conn.sqlite.prepare('SELECT category, tags, context, related_files FROM prompt_history WHERE id = 2').get()).toEqual({
      category: null,
      tags: '[]',
      context: null,
      related_files: '[]',
    });
  });
});
