import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Connection } from '../../db/connection.js';
import { startConsole, KEYS } from '../app/driver.js';
import { writeMalformedFile, HOSTILE_BLOB } from './malformed-file.js';
import { blobMarker } from '../../db/cells.js';

// Every screen by its number key, what its title line says, and whether Enter opens a detail.
const SCREENS: [key: string, title: string, detail: boolean][] = [
  ['2', 'Tasks', true],
  ['3', 'Sessions', true],
  ['4', 'Users', true],
  ['5', 'API keys', false],
  ['6', 'Schedules', true],
  ['7', 'Prompts', true],
  ['8', 'Audit log', true],
  ['9', 'Projects', true],
  ['1', 'Dashboard', false],
];

const dir = mkdtempSync(join(tmpdir(), 'bematic-hostile-console-'));
const path = join(dir, 'hostile.db');
let conn: Connection;
let stop: (() => void) | undefined;
beforeAll(() => {
  writeMalformedFile(path);
  conn = openDatabase({ path, readOnly: true });
});
afterEach(() => stop?.());
afterAll(() => {
  conn?.close();
  rmSync(dir, { recursive: true, force: true });
});

const selected = (f: string): string => f.split('\n').find((l) => l.startsWith('> ')) ?? '';
const shows = (f: string, title: string): boolean => f.split('\n')[1]?.startsWith(title) === true;

describe('the console on a file with a BLOB, a wrong type, a hostile time and malformed JSON in every column of every table', () => {
  it('walks every screen and opens the details of several rows: nothing throws, and the BLOB shows as its marker', async () => {
    const c = await startConsole(conn, { columns: 160, rows: 40 });
    stop = c.unmount;
    await c.waitFor('Tasks by status');
    const seen: string[] = [c.frame()];
    for (const [key, title, detail] of SCREENS) {
      await c.press(key, title);
      seen.push(await c.waitFor((f) => shows(f, title) && !/Loading|loading/.test(f)));
      if (!detail) continue;
      for (let row = 0; row < 6; row++) {
        const before = selected(c.frame());
        await c.tap('j');
        await c.waitFor((f) => selected(f) !== before || row > 0);
        await c.press(KEYS.enter);
        seen.push(await c.waitFor((f) => f.split('\n')[1]?.includes('›') === true));
        await c.press(KEYS.esc);
        await c.waitFor((f) => f.split('\n')[1] === title);
      }
    }
    const all = seen.join('\n');
    expect(all).not.toMatch(/Error:|is not a function|Invalid time value|Cannot read/);
    expect(all).toContain(blobMarker(HOSTILE_BLOB));
    expect(all).toContain('?yesterday'); // a time that is none, marked
    for (const [, title] of SCREENS) expect(seen.some((f) => shows(f, title))).toBe(true);
  }, 60_000);
});
