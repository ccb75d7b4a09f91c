import { describe, it, expect, afterEach } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import stringWidth from 'string-width';
import { freshDatabase } from '../helpers/temp-db.js';
import { seedProject, seedTask, minutesAgo } from '../helpers/seed.js';

const BIN = resolve('dist/bin/bematic-console.js');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
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
