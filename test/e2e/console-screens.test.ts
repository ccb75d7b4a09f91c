import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { hasTmux, type TmuxShell } from '../helpers/spawn-tmux.js';
import { consoleInTmux } from './open-console.js';

if (!hasTmux()) console.warn('e2e console-screens: tmux is not installed; skipped (install tmux to run it)');

const e2e = consoleInTmux('screens');

let titleBefore = '';
function open(cols: number, rows: number, args: string[] = []): TmuxShell {
  // an escape sequence from the data would change the pane's title
  return e2e.open(cols, rows, args, (pane) => (titleBefore = pane.pane('pane_title')));
}

/** The frame fits the terminal: the header is the first line, nothing scrolled away, no line wider than the pane. */
function expectFits(screen: string, cols: number): void {
  const lines = screen.split('\n');
  expect(lines[0]).toMatch(/^bematic-console /);
  expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(cols);
}

/**
 * After a key with nothing to wait for on screen: on a loaded machine keys sent back to back
 * reach the console as one chunk, which Ink reads as typed text, not as two keys.
 */
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 250));

/** `/`, the text, Enter: each step waits for the screen to take the previous one, as an operator would. */
async function filter(s: TmuxShell, text: string): Promise<void> {
  await s.waitFor(/\d+-\d+ of [\d,]+/);
  s.literal('/');
  await s.waitFor(/^\/_ /m);
  s.literal(text);
  await s.waitFor(`/${text}_`); // the field itself: the list may already show the same words
  s.keys('Enter');
}

// From the dashboard, where the console opens, each key changes the screen: one is seen before the next is sent.
const SCREENS: [key: string, title: RegExp, content: RegExp][] = [
  ['2', /^Tasks/m, /\d+-\d+ of [\d,]+/],
  ['3', /^Sessions/m, /\d+-\d+ of [\d,]+/],
  ['9', /^Projects/m, /\d+-\d+ of [\d,]+/],
  ['1', /^Dashboard/m, /Tasks by status/],
];

describe.skipIf(!hasTmux())('the built console at several terminal sizes (tmux)', () => {
  it.each([
    [80, 24],
    [120, 40],
    [200, 50],
  ])(
    '%ix%i: every screen fits and shows its data',
    async (cols, rows) => {
      const s = open(cols, rows);
      await s.waitFor(/Tasks by status/);
      for (const [key, title, content] of SCREENS) {
        s.literal(key);
        const screen = await s.waitFor((text) => title.test(text.split('\n').slice(0, 3).join('\n')) && content.test(text));
        expectFits(screen, cols);
      }
      s.literal('q');
      await s.waitFor(/EXIT=0/);
    },
    60_000,
  );

  it('too small gets a message; growing, shrinking while on a list, and growing again keep the place', async () => {
    const s = open(40, 10);
    await s.waitFor(/too small/i);
    s.resize(100, 30);
    await s.waitFor(/Tasks by status/);
    s.literal('2');
    const list = await s.waitFor(/1-\d+ of [\d,]+/);
    // the row three below the cursor; wait until j j j have all landed on it (the first frame already has a '> ' row)
    const listLines = list.split('\n');
    const first = listLines.findIndex((l) => l.startsWith('> '));
    const selected = listLines[first + 3]!.trim();
    s.keys('j', 'j', 'j');
    await s.waitFor((text) => (/^> (.*)$/m.exec(text)?.[1] ?? '').trim() === selected);
    s.resize(50, 12);
    await s.waitFor(/too small/i);
    s.resize(120, 35);
    const after = await s.waitFor(/^> /m);
    expect(/^> (.*)$/m.exec(after)![1]!.trim().slice(0, 40)).toBe(selected.slice(0, 40));
    expectFits(after, 120);
    s.keys('C-c');
    await s.waitFor(/EXIT=\d/);
  }, 60_000);
});

describe.skipIf(!hasTmux())('driving the console with real keys (tmux)', () => {
  it('palette, filters, details, sessions to the session and its task, projects to the project, help, refresh', async () => {
    const s = open(120, 40);
    await s.waitFor(/Tasks by status/);
    s.literal(':');
    await s.waitFor(/screen name or number/);
    s.literal('sess');
    await s.waitFor(/:sess/);
    s.keys('Enter');
    await s.waitFor(/^Sessions/m);
    s.keys('Enter');
    await s.waitFor(/Sessions › Session /);
    await s.waitFor(/^>?\s*model\s+\S+/m);
    s.literal('j');
    await s.waitFor(/^>\s+status\s/m);
    s.literal('j');
    await s.waitFor(/^>\s+task\s/m);
    s.keys('Enter');
    await s.waitFor(/Sessions › Session .* › Task/);
    await s.waitFor(/^\s*status\s+\w+/m);
    s.keys('Escape');
    await s.waitFor(/^Sessions › Session /m);
    s.literal('q'); // q in a detail goes back, as Esc
    await s.waitFor(/^Sessions\s*$/m);
    s.literal('2');
    await s.waitFor(/^Tasks/m);
    await filter(s, 'status:pending e2e cancel');
    const filtered = await s.waitFor(/1-1 of 1/);
    expect(filtered).toContain('e2e cancel me please');
    s.keys('Enter');
    await s.waitFor(/prompt\s+e2e cancel me please/);
    s.keys('Escape');
    await s.waitFor(/1-1 of 1/);
    s.literal('9');
    await s.waitFor(/^Projects/m);
    s.keys('Enter');
    await s.waitFor(/Projects › Project /);
    await s.waitFor(/tasks\s+\S+ tasks?, .*: Enter lists them/);
    s.literal('?');
    await s.waitFor(/Keys \(Esc closes\)/);
    s.keys('Escape');
    await s.waitForGone(/Keys \(Esc closes\)/);
    s.literal('r');
    await settle();
    s.keys('Escape');
    await s.waitFor(/^Projects\s*$/m);
    s.literal('q');
    await s.waitFor(/EXIT=0/);
  }, 60_000);

  it('cancelling a task: n leaves it, y cancels it with its audit row, and the row updates in place', async () => {
    // --as must name a user of the file: one of the demo's admins
    const users = new Database(e2e.demo.path, { readonly: true });
    const operator = users.prepare("SELECT slack_user_id FROM users WHERE role = 'admin' AND active = 1 ORDER BY slack_user_id LIMIT 1").pluck().get() as string;
    users.close();
    const s = open(120, 40, ['--as', operator]);
    await s.waitFor(/Tasks by status/);
    s.literal('2');
    await s.waitFor(/^Tasks/m);
    await filter(s, 'e2e cancel me');
    await s.waitFor(/1-1 of 1/);
    s.literal('c');
    await s.waitFor(/Cancel this task\?/);
    s.literal('n');
    await s.waitForGone(/Cancel this task\?/);
    const db = new Database(e2e.demo.path, { readonly: true });
    const status = db.prepare('SELECT status FROM tasks WHERE id = ?').pluck();
    const audits = db.prepare("SELECT user_id FROM audit_logs WHERE action = 'task:cancelled' AND resource_id = ?").pluck();
    expect(status.get(e2e.demo.pending)).toBe('pending');
    s.literal('c');
    await s.waitFor(/Cancel this task\?/);
    s.literal('y');
    await s.waitFor(/audited as task:cancelled/);
    await s.waitFor(/cancelled .*e2e cancel me/);
    expect(status.get(e2e.demo.pending)).toBe('cancelled');
    expect(audits.all(e2e.demo.pending)).toEqual([operator]);
    db.close();
    s.keys('C-c');
    await s.waitFor(/EXIT=\d/);
  }, 60_000);

  it('stored escape sequences are shown inert: no title change, no colour, no cleared screen', async () => {
    const s = open(160, 40);
    await s.waitFor(/Tasks by status/);
    s.literal('2');
    await s.waitFor(/^Tasks/m);
    await filter(s, 'e2e-marker');
    const list = await s.waitFor(/1-1 of 1/);
    expect(list).toMatch(/e2e-marker pwn/);
    s.keys('Enter');
    const detail = await s.waitFor((t) => /Tasks › Task task_e2eHostile/.test(t) && /prompt\s+e2e-marker/.test(t) && t.includes('tail-marker'));
    expect(detail.split('\n')[0]).toMatch(/^bematic-console /); // nothing cleared the screen or moved the cursor home
    expect(s.pane('pane_title')).toBe(titleBefore);
    const colours = s.tmux('capture-pane', '-p', '-e', '-t', 'main');
    // eslint-disable-next-line no-control-regex -- a red colour escape is what the test looks for
    expect(colours).not.toMatch(/\u001b\[(?:\d+;)*31m/);
    s.keys('C-c');
    await s.waitFor(/EXIT=\d/);
  }, 60_000);

  it('--read-only hides the cancel action and changes nothing', async () => {
    const db = new Database(e2e.demo.path, { readonly: true });
    const count = (): unknown => db.prepare("SELECT count(*) || '/' || sum(status = 'cancelled') FROM tasks").pluck().get();
    const audit = (): unknown => db.prepare('SELECT count(*) FROM audit_logs').pluck().get();
    const before = [count(), audit()];
    const s = open(120, 40, ['--read-only']);
    const dash = await s.waitFor(/Tasks by status/);
    expect(dash).toMatch(/read-only/i);
    s.literal('2');
    const tasks = await s.waitFor(/1-\d+ of/);
    expect(tasks).not.toMatch(/c cancel/);
    s.literal('c');
    await settle();
    // the next key opens help only if no dialog took the screen: the keys were handled, in order
    s.literal('?');
    const help = await s.waitFor(/Keys \(Esc closes\)/);
    expect(help).not.toMatch(/Cancel this task\?/);
    s.keys('Escape');
    await s.waitForGone(/Keys \(Esc closes\)/);
    s.literal('q');
    await s.waitFor(/EXIT=0/);
    expect([count(), audit()]).toEqual(before);
    db.close();
  }, 60_000);

  it('a task written by another process shows within the live refresh', async () => {
    const s = open(120, 40);
    await s.waitFor(/Tasks by status/);
    s.literal('2');
    await s.waitFor(/1-\d+ of/);
    const db = new Database(e2e.demo.path);
    const p = db.prepare('SELECT id, slack_channel_id FROM projects LIMIT 1').get() as { id: string; slack_channel_id: string };
    const at = new Date(Date.now() + 3_600_000).toISOString();
    db.prepare(
      `INSERT INTO tasks (id, project_id, bot_name, command, prompt, status, slack_channel_id, slack_user_id, input_tokens,
      output_tokens, estimated_cost, max_budget, files_changed, commands_run, created_at, updated_at)
      VALUES ('task_e2eLive00000000000000', ?, 'coder', 'fix', 'written by the service just now', 'queued', ?, 'U0SVC', 0, 0, 0, 5, '[]', '[]', ?, ?)`,
    ).run(p.id, p.slack_channel_id, at, at);
    db.close();
    await s.waitFor(/written by the service just now/, 10_000);
    s.literal('q');
    await s.waitFor(/EXIT=0/);
  }, 60_000);
});
