import { describe, it, expect, afterEach } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import stringWidth from 'string-width';
import { freshDatabase, tempDir } from '../helpers/temp-db.js';
import { seedProject, seedTask, seedTasks, minutesAgo } from '../helpers/seed.js';

const BIN = resolve('dist/bin/bematic-console.js');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('console-tmux: tmux is not installed; the end-to-end console test is skipped');

const tmux = (...args: string[]): string => execFileSync('tmux', args, { encoding: 'utf8' });
const sessions: string[] = [];
afterEach(() => {
  while (sessions.length) spawnSync('tmux', ['kill-session', '-t', sessions.pop()!]);
});

async function waitForPane(session: string, test: (pane: string) => boolean, what: string, ms = 15_000): Promise<string> {
  const end = Date.now() + ms;
  let pane = '';
  while (Date.now() < end) {
    pane = tmux('capture-pane', '-p', '-t', session);
    if (test(pane)) return pane;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; the pane shows:\n${pane}`);
}

describe.skipIf(!hasTmux)('the built console in a real terminal (tmux)', () => {
  it('browses, cancels a task with confirmation, and Ctrl-C leaves the terminal as it was', async () => {
    expect(existsSync(BIN), `${BIN} is missing: run npm run build first`).toBe(true);
    const conn = freshDatabase();
    const p = seedProject(conn.sqlite, { name: 'web' });
    seedTasks(conn.sqlite, p, 60);
    const pending = seedTask(conn.sqlite, { projectId: p, status: 'pending', prompt: 'e2e pending one', createdAt: minutesAgo(-5) });
    conn.sqlite
      .prepare("INSERT INTO users (id, slack_user_id, slack_username, role, active, created_at, updated_at) VALUES ('user_e2e', 'U_E2E', 'e2e', 'admin', 1, ?, ?)")
      .run(new Date().toISOString(), new Date().toISOString());
    const path = conn.path;
    conn.close();

    const session = `bm-e2e-${process.pid}-${Date.now()}`;
    sessions.push(session);
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '32', 'env', '-i', `PATH=${process.env.PATH}`, 'TERM=xterm-256color', 'PS1=ready$ ', 'bash', '--norc', '--noprofile');
    await waitForPane(session, (s) => s.includes('ready$'), 'the shell prompt');
    tmux('send-keys', '-t', session, `node ${BIN} --db ${path} --as U_E2E`, 'Enter');

    let pane = await waitForPane(session, (s) => s.includes('Tasks by status'), 'the dashboard');
    expect(pane).toContain(path);
    expect(pane).toContain('operator: U_E2E (e2e, admin)');
    expect(pane.split('\n')[0]).toMatch(/^bematic-console /); // the frame fits: nothing scrolled off the top
    expect(tmux('display', '-p', '-t', session, '#{alternate_on}').trim()).toBe('1');

    tmux('send-keys', '-t', session, '2');
    pane = await waitForPane(session, (s) => s.includes('e2e pending one') && s.includes('of 61'), 'the tasks list');
    tmux('send-keys', '-t', session, 'G');
    pane = await waitForPane(session, (s) => s.includes('of 61') && /\n> .*task number 59/.test(s), 'the last task');
    expect(pane.split('\n')[0]).toMatch(/^bematic-console /);
    tmux('send-keys', '-t', session, 'g');
    await waitForPane(session, (s) => /\n> .*e2e pending one/.test(s), 'the first task');
    tmux('send-keys', '-t', session, 'c');
    pane = await waitForPane(session, (s) => s.includes('Cancel this task?'), 'the confirmation');
    expect(pane).toMatch(/> No \(n\)/);
    tmux('send-keys', '-t', session, 'y');
    await waitForPane(session, (s) => s.includes('audited as task:cancelled'), 'the result line');

    const check = new Database(path, { readonly: true });
    expect(check.prepare('SELECT status FROM tasks WHERE id = ?').pluck().get(pending)).toBe('cancelled');
    expect(check.prepare("SELECT user_id FROM audit_logs WHERE action = 'task:cancelled' AND resource_id = ?").pluck().get(pending)).toBe('U_E2E');
    check.close();

    tmux('send-keys', '-t', session, 'Enter');
    await waitForPane(session, (s) => s.includes('prompt    e2e pending one'), 'the task detail');
    tmux('send-keys', '-t', session, 'C-c');
    pane = await waitForPane(session, (s) => !s.includes('bematic-console /') && s.includes('ready$'), 'the shell after Ctrl-C');
    expect(tmux('display', '-p', '-t', session, '#{alternate_on}').trim()).toBe('0');
    expect(tmux('display', '-p', '-t', session, '#{cursor_flag}').trim()).toBe('1');
    tmux('send-keys', '-t', session, 'echo restored-$((40+2))', 'Enter');
    await waitForPane(session, (s) => s.includes('restored-42'), 'the shell to answer');
  });

  it('SIGTERM also restores the terminal', async () => {
    const conn = freshDatabase();
    seedTasks(conn.sqlite, seedProject(conn.sqlite), 3);
    const path = conn.path;
    conn.close();
    const session = `bm-e2e-term-${process.pid}-${Date.now()}`;
    sessions.push(session);
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '24', 'env', '-i', `PATH=${process.env.PATH}`, 'TERM=xterm-256color', 'PS1=ready$ ', 'bash', '--norc', '--noprofile');
    await waitForPane(session, (s) => s.includes('ready$'), 'the shell prompt');
    tmux('send-keys', '-t', session, `node ${BIN} --db ${path}`, 'Enter');
    await waitForPane(session, (s) => s.includes('Tasks by status'), 'the dashboard');
    const shell = tmux('display', '-p', '-t', session, '#{pane_pid}').trim();
    const child = execFileSync('ps', ['-o', 'pid=', '--ppid', shell], { encoding: 'utf8' }).trim().split(/\s+/)[0]!;
    process.kill(Number(child), 'SIGTERM');
    await waitForPane(session, (s) => !s.includes('Tasks by status') && s.includes('ready$'), 'the shell after SIGTERM');
    expect(tmux('display', '-p', '-t', session, '#{alternate_on}').trim()).toBe('0');
    expect(tmux('display', '-p', '-t', session, '#{cursor_flag}').trim()).toBe('1');
  });

  it('--demo makes ./data/demo.db once and opens it; a missing --db is an error, never a new file', async () => {
    const dir = tempDir();
    const session = `bm-e2e-demo-${process.pid}-${Date.now()}`;
    sessions.push(session);
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '24', '-c', dir, 'env', '-i', `PATH=${process.env.PATH}`, 'TERM=xterm-256color', 'PS1=ready$ ', 'bash', '--norc', '--noprofile');
    await waitForPane(session, (s) => s.includes('ready$'), 'the shell prompt');
    tmux('send-keys', '-t', session, `node ${BIN} --db ./missing.db; echo exit=$?`, 'Enter');
    const pane = await waitForPane(session, (s) => /exit=\d/.test(s), 'the error');
    expect(pane).toContain('no database at');
    expect(pane).toContain('exit=1');
    expect(existsSync(join(dir, 'missing.db'))).toBe(false);
    tmux('send-keys', '-t', session, 'clear', 'Enter');
    tmux('send-keys', '-t', session, `node ${BIN} --demo`, 'Enter');
    await waitForPane(session, (s) => s.includes('Tasks by status') && s.includes('demo.db'), 'the demo dashboard', 30_000);
    expect(existsSync(join(dir, 'data', 'demo.db'))).toBe(true);
    tmux('send-keys', '-t', session, 'q');
    await waitForPane(session, (s) => !s.includes('Tasks by status') && s.includes('ready$'), 'the shell after q');
  });

  it('refuses without a terminal, in one sentence, exit code 2', () => {
    const conn = freshDatabase();
    const r = spawnSync('node', [BIN, '--db', join(conn.path)], { encoding: 'utf8', input: '' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('needs a terminal');
    expect(r.stdout).toBe('');
  });
});

/** The terminal column where `word` starts on `line` (wide characters take two). */
const columnOf = (line: string, word: string): number => stringWidth(line.slice(0, line.indexOf(word)));

describe.skipIf(!hasTmux)('the built console measures text as the terminal does', () => {
  // The bundle measures with its own width function (components/text/ink-string-width.ts) where
  // Ink would use string-width: a row holding wide or combined characters must still line up.
  it('lines up rows of CJK, accents, combining marks, box drawing and emoji, and cuts them to the width', async () => {
    const conn = freshDatabase();
    const names = ['plain', '日本語の', 'cafe\u0301 é', 'box ─│·…', '👍 thumbs'];
    names.forEach((name, i) => {
      const p = seedProject(conn.sqlite, { name });
      seedTask(conn.sqlite, { projectId: p, status: 'completed', prompt: `${name} 日本語のテキストを直す ─│ café 👍 `.repeat(4), createdAt: minutesAgo(i + 1) });
    });
    const path = conn.path;
    conn.close();
    const session = `bm-e2e-wide-${process.pid}-${Date.now()}`;
    sessions.push(session);
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '24', 'env', '-i', `PATH=${process.env.PATH}`, 'TERM=xterm-256color', 'node', BIN, '--db', path);
    await waitForPane(session, (s) => s.includes('Tasks by status'), 'the dashboard');
    tmux('send-keys', '-t', session, '2');
    const pane = await waitForPane(session, (s) => s.includes('of 5'), 'the tasks list');
    const rows = pane.split('\n').filter((l) => l.includes(' completed '));
    expect(rows, pane).toHaveLength(5);
    // the column after the project's name starts at the same terminal column on every row
    const bots = rows.map((r) => columnOf(r, ' coder '));
    expect(new Set(bots).size, pane).toBe(1);
    // each row is cut to the terminal's width with …, none wraps onto the next line
    for (const r of rows) {
      expect(stringWidth(r), r).toBeLessThanOrEqual(100);
      expect(r.trimEnd().endsWith('…'), r).toBe(true);
    }
    expect(pane.split('\n')[0]).toMatch(/^bematic-console /);
  });
});
