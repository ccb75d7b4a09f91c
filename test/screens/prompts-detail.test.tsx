import { describe, it, expect, afterEach } from 'vitest';
import { freshDatabase } from '../helpers/temp-db.js';
import { startConsole, KEYS, adminOperator } from '../app/driver.js';
import { insertServicePrompt } from '../db/prompt-history-seed.js';
import type { Connection } from '../../db/connection.js';
import type { Operator } from '../../db/operator.js';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

interface PromptRow {
  execution_status: string;
  execution_notes: string | null;
  actual_duration_minutes: number | null;
  completed_at: string | null;
}
const rowOf = (conn: Connection, id: number) =>
  conn.sqlite.prepare('SELECT execution_status, execution_notes, actual_duration_minutes, completed_at FROM prompt_history WHERE id = ?').get(id) as PromptRow;
interface AuditRow {
  action: string;
  user_id: string;
  resource_type: string;
  resource_id: string;
  metadata: string;
}
const audit = (conn: Connection) =>
  (conn.sqlite.prepare('SELECT action, user_id, resource_type, resource_id, metadata FROM audit_logs ORDER BY id').all() as AuditRow[]).map((a) => ({
    ...a,
    metadata: JSON.parse(a.metadata) as unknown,
  }));

/** One pending prompt with everything filled in, opened in its detail view. */
async function openDetail(o: { operator?: Operator; readOnly?: boolean; status?: string; tags?: string; files?: string } = {}) {
  const conn = freshDatabase();
  insertServicePrompt(conn.sqlite, { prompt: 'an older prompt' });
  const id = insertServicePrompt(conn.sqlite, {
    prompt: 'Add rate limiting to the API gateway',
    context: 'Customers hit 429s during imports',
    category: 'feature',
    tags: o.tags ?? '["api","perf"]',
    status: o.status ?? 'pending',
    estimated: 40,
  });
  conn.sqlite.prepare('UPDATE prompt_history SET related_files = ?, execution_notes = ? WHERE id = ?').run(o.files ?? '["src/gateway.ts","README.md"]', 'first try', id);
  const operator = o.operator ?? adminOperator;
  const c = await startConsole(o.readOnly ? { ...conn, readOnly: true } : conn, { initialScreen: 'prompts', columns: 110, operator: o.readOnly ? { ...operator, readOnly: true } : operator });
  stop = c.unmount;
  await c.waitFor('1-2 of 2');
  await c.press(KEYS.enter, 'Customers hit 429s');
  return { conn, c, id };
}

describe('prompt detail', () => {
  it('shows text, context, files, tags, status, notes, durations and times; Esc returns to the list', async () => {
    const { c, id } = await openDetail();
    const f = c.frame();
    expect(f).toContain(`Prompts › Prompt #${id}`);
    for (const text of ['Add rate limiting to the API gateway', 'Customers hit 429s during imports', '• src/gateway.ts', '• README.md', '• api', '• perf', 'first try', 'estimated 40 min, actual -']) {
      expect(f).toContain(text);
    }
    expect(f).toMatch(/status\s+pending/);
    expect(f).toMatch(/category\s+feature/);
    expect(f).toMatch(/logged\s+\d{4}-\d\d-\d\d \d\d:\d\d/);
    const back = await c.press(KEYS.esc, '1-2 of 2');
    expect(back.split('\n').find((l) => l.startsWith('> '))).toContain('Add rate limiting');
  });

  it('shows malformed JSON in tags and files as it is stored', async () => {
    const { c } = await openDetail({ tags: 'not json at all', files: '{"a":1}' });
    expect(c.frame()).toContain('(not a JSON list, shown raw) not json at all');
    expect(c.frame()).toContain('(not a JSON list, shown raw) {"a":1}');
  });
});

describe('finishing a prompt', () => {
  it('m asks notes and whole minutes, refuses other minutes without writing, then asks first (No selected) and completes with an audit row', async () => {
    const { conn, c, id } = await openDetail();
    let f = await c.press('m', `Prompt #${id} completed`);
    await c.type('shipped behind a flag');
    await c.press(KEYS.enter); // to the minutes
    await c.type('4.5');
    f = await c.press(KEYS.enter, 'whole number of minutes');
    expect(f).toContain('not "4.5"');
    await c.press(KEYS.backspace);
    await c.press(KEYS.backspace);
    await c.type('-3');
    f = await c.press(KEYS.enter, 'not "4-3"');
    expect(rowOf(conn, id).execution_status).toBe('pending');
    for (let i = 0; i < 3; i++) await c.press(KEYS.backspace);
    await c.type('45');
    f = await c.press(KEYS.enter, `Mark prompt #${id} completed?`);
    expect(f).toContain('Notes: shipped behind a flag; took 45 min.');
    expect(f).toMatch(/> No \(n\)/);
    f = await c.press('y', 'audited as prompt:completed');
    const row = rowOf(conn, id);
    expect(row).toMatchObject({ execution_status: 'completed', execution_notes: 'shipped behind a flag', actual_duration_minutes: 45 });
    expect(row.completed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(audit(conn)).toEqual([
      {
        action: 'prompt:completed',
        user_id: 'U_ADMIN',
        resource_type: 'prompt',
        resource_id: String(id),
        metadata: { before: { executionStatus: 'pending' }, after: { executionStatus: 'completed', executionNotes: 'shipped behind a flag', actualDurationMinutes: 45 } },
      },
    ]);
    // the detail shows the change in place
    expect(f).toMatch(/status\s+completed/);
    expect(f).toContain('estimated 40 min, actual 45 min (+13% against the estimate)');
  });

  it('f asks notes, then fails the prompt; n, Esc and Enter on No leave it as it was', async () => {
    const { conn, c, id } = await openDetail();
    for (const key of ['n', KEYS.esc, KEYS.enter]) {
      await c.press('f', `Prompt #${id} failed`);
      await c.type('x');
      await c.press(KEYS.enter, `Mark prompt #${id} failed?`);
      await c.press(key, 'f failed');
      expect(c.frame()).not.toContain('Mark prompt');
    }
    // Esc in the form drops it
    await c.press('f', `Prompt #${id} failed`);
    await c.press(KEYS.esc, 'f failed');
    expect(rowOf(conn, id).execution_status).toBe('pending');
    expect(audit(conn)).toEqual([]);
    await c.press('f', `Prompt #${id} failed`);
    await c.type('gateway timeouts');
    await c.press(KEYS.enter, 'Notes: gateway timeouts.');
    const f = await c.press('y', 'audited as prompt:failed');
    expect(rowOf(conn, id)).toMatchObject({ execution_status: 'failed', execution_notes: 'gateway timeouts', actual_duration_minutes: null });
    expect(audit(conn).map((a) => [a.action, a.resource_id])).toEqual([['prompt:failed', String(id)]]);
    expect(f).toMatch(/status\s+failed/);
  });

  it('x asks first and cancels; a prompt already cancelled is refused in one line without asking', async () => {
    const { conn, c, id } = await openDetail();
    await c.press('x', `Mark prompt #${id} cancelled?`);
    let f = await c.press('y', 'audited as prompt:cancelled');
    expect(rowOf(conn, id).execution_status).toBe('cancelled');
    expect(rowOf(conn, id).completed_at).not.toBeNull();
    expect(f).toMatch(/status\s+cancelled/);
    f = await c.press('x', 'already cancelled');
    expect(f).not.toContain('Mark prompt');
    expect(audit(conn)).toHaveLength(1);
    // back in the list the row shows its new status
    f = await c.press(KEYS.esc, '1-2 of 2');
    expect(f.split('\n').find((l) => l.startsWith('> '))).toContain('cancelled');
  });

  it('says why in one line when another process finished the prompt meanwhile, and writes nothing', async () => {
    const { conn, c, id } = await openDetail();
    await c.press('x', `Mark prompt #${id} cancelled?`);
    conn.sqlite.prepare("UPDATE prompt_history SET execution_status = 'cancelled' WHERE id = ?").run(id);
    await c.press('y', 'Not marked cancelled');
    expect(audit(conn)).toEqual([]);
  });

  it('offers no action when read-only or to a viewer, and m, f, x and n say why instead of doing nothing', async () => {
    const cases = [
      { o: { readOnly: true }, why: 'the console is read-only (--read-only)' },
      { o: { operator: { ...adminOperator, role: 'viewer' as const, known: true } }, why: 'operator U_ADMIN is a viewer and can change nothing' },
    ];
    for (const { o, why } of cases) {
      const { conn, c, id } = await openDetail(o);
      expect(c.frame()).not.toMatch(/m completed|f failed|x cancelled/);
      for (const [k, outcome] of [
        ['m', 'completed'],
        ['f', 'failed'],
        ['x', 'cancelled'],
      ]) {
        await c.press(k!, `Cannot mark prompts ${outcome!}: ${why}.`);
        await c.press('j'); // any key clears the message line
      }
      expect(c.frame()).not.toContain(`Prompt #${id} completed`);
      expect(c.frame()).not.toContain('Mark prompt');
      await c.press(KEYS.esc, '1-2 of 2');
      expect(c.frame()).not.toContain('n new');
      await c.press('n', `Cannot log prompts: ${why}.`);
      expect(c.frame()).not.toContain('Log a new prompt');
      const help = await c.press('?', 'Keys');
      expect(help).not.toContain('log a new prompt');
      expect(rowOf(conn, id).execution_status).toBe('pending');
      expect(audit(conn)).toEqual([]);
      c.unmount();
    }
  });
});
