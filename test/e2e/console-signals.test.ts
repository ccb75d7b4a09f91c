import { afterEach, describe, expect, it } from 'vitest';
import { userInfo } from 'node:os';
import Database from 'better-sqlite3';
import { TmuxShell, binaryCommand, hasTmux } from '../helpers/spawn-tmux.js';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTasks } from '../helpers/seed.js';

if (!hasTmux()) console.warn('e2e console-signals: tmux is not installed; skipped (install tmux to run it)');

let shell: TmuxShell | undefined;
afterEach(() => {
  shell?.close();
  shell = undefined;
});

/** A small database with one admin user, U_ADMIN (alice). */
function database(): string {
  const conn = freshDatabase();
  seedTasks(conn.sqlite, seedProject(conn.sqlite, { name: 'web' }), 5);
  const now = new Date().toISOString();
  conn.sqlite.prepare("INSERT INTO users (id, slack_user_id, slack_username, role, active, created_at, updated_at) VALUES ('user_a', 'U_ADMIN', 'alice', 'admin', 1, ?, ?)").run(now, now);
  conn.close();
  return conn.path;
}

/**
 * The console in a tmux pane, then the shell prints its exit code. A job stopped by Ctrl-Z lets
 * the rest of its line run at once, so for that test the line is the console alone.
 */
async function openConsole(args: string[], echoExit = true): Promise<TmuxShell> {
  const s = new TmuxShell(100, 30);
  shell = s;
  await s.waitFor(/^\$/m);
  s.run(echoExit ? `${binaryCommand(args)}; echo "EXIT=$?"` : binaryCommand(args));
  await s.waitFor('Tasks by status');
  expect(s.pane('alternate_on')).toBe('1');
  return s;
}

/** What the terminal must be back to: main screen, cursor shown, line editing (not raw). */
async function expectRestored(s: TmuxShell): Promise<void> {
  expect(s.pane('alternate_on')).toBe('0');
  expect(s.pane('cursor_flag')).toBe('1');
  s.run('clear; stty -a | tr " " "\\n" | grep -x -- "-\\?icanon"');
  const screen = await s.waitFor(/^-?icanon$/m);
  expect(screen).toMatch(/^icanon$/m); // raw mode off: the shell's line editing is back
}

describe.skipIf(!hasTmux())('signals to the built console (tmux)', () => {
  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`${signal} sent from outside restores the terminal as q does and exits`, async () => {
      const s = await openConsole(['--db', database()]);
      const pid = s.foregroundPid();
      expect(pid).toBeDefined();
      process.kill(pid!, signal);
      await s.waitFor(`EXIT=${code}`);
      await expectRestored(s);
    }, 60_000);
  }

  it('Ctrl-Z suspends to the shell with the terminal restored; fg redraws and takes keys again', async () => {
    const s = await openConsole(['--db', database()], false);
    s.keys('C-z');
    await s.waitFor(/Stopped/);
    await expectRestored(s);
    s.run('fg');
    await s.waitFor('Tasks by status');
    expect(s.pane('alternate_on')).toBe('1');
    expect(s.pane('cursor_flag')).toBe('0');
    expect(s.screen().split('\n')[0]).toMatch(/^bematic-console /); // the whole frame, from the top
    s.literal('2');
    await s.waitFor(/^Tasks/m);
    await s.waitFor(/1-5 of 5/);
    s.keys('C-c');
    await s.waitForGone(/^Tasks/m);
    await s.waitForExit(); // the screen is restored a moment before the process ends
    s.run('echo "EXIT=$?"'); // fg returns the job's exit code
    await s.waitFor(/^EXIT=0$/m);
    await expectRestored(s);
  }, 60_000);
});

describe.skipIf(!hasTmux())('the operator in the header (tmux)', () => {
  it('--as a user: its id, name and role', async () => {
    const s = await openConsole(['--db', database(), '--as', 'U_ADMIN']);
    expect(s.screen()).toContain('operator: U_ADMIN (alice, admin)');
    s.literal('q');
    await s.waitFor('EXIT=0');
  }, 60_000);

  it('without --as: the OS user, said to be not in users', async () => {
    const s = await openConsole(['--db', database()]);
    expect(s.screen()).toContain(`operator: ${userInfo().username} (OS user, not in users: admin)`);
    s.literal('q');
    await s.waitFor('EXIT=0');
  }, 60_000);

  it('--as naming no user (a lower-case typo) is refused in one sentence with how to find ids, and nothing is written', async () => {
    const path = database();
    const s = new TmuxShell(200, 30);
    shell = s;
    await s.waitFor(/^\$/m);
    s.run(`${binaryCommand(['--db', path, '--as', 'u_admin'])}; echo "EXIT=$?"`);
    const screen = await s.waitFor(/^EXIT=\d/m);
    expect(screen).toContain('EXIT=2');
    expect(screen.replace(/\n/g, '')).toMatch(/--as "u_admin" names no user in users.*did you mean "U_ADMIN"\?.*select slack_user_id, slack_username from users/);
    expect(screen).not.toContain('Tasks by status');
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM audit_logs').pluck().get()).toBe(0);
    db.close();
  }, 60_000);
});
