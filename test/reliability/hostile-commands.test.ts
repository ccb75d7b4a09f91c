import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import history from '../../src/commands/history.js';
import doctor from '../../src/commands/doctor.js';
import { runCommand } from '../fixtures/run-command.js';
import { blobMarker } from '../../db/cells.js';
import { writeMalformedFile, HOSTILE_BLOB } from './malformed-file.js';

const dir = mkdtempSync(join(tmpdir(), 'bematic-hostile-commands-'));
const path = join(dir, 'hostile.db');
const TAG_BLOB = Buffer.from('["blobtag"]'); // JSON bytes as a BLOB: SQLite's json functions read it (as JSONB or text)

beforeAll(() => {
  writeMalformedFile(path);
  const db = new Database(path);
  const add = db.prepare('INSERT INTO prompt_history (prompt, category, tags, related_files, execution_status, timestamp, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  add.run('offset time', 'feature', TAG_BLOB, HOSTILE_BLOB, 'completed', '2026-11-26T12:45:09+01:00', '2026-11-26 13:00:00');
  add.run(HOSTILE_BLOB, HOSTILE_BLOB, '["t"]', '[]', HOSTILE_BLOB, HOSTILE_BLOB, 1764160000000);
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MODES = [
  [],
  ['--all'],
  ['--json'],
  ['--all', '--json'],
  ['--stats'],
  ['--stats', '--json'],
  ['--categories'],
  ['--categories', '--json'],
  ['--tags'],
  ['--tags', '--json'],
  ['--search', 'time'],
  ['--search', 'pwn', '--json'],
  ['--tag', 'blobtag'],
  ['--tag', 'blobtag', '--json'],
  ['--category', 'feature'],
  ['--status', 'completed'],
  ['--limit', '3'],
];

// The BLOB's own bytes, in any form a command could print them: raw, JSON-escaped, or as a Buffer's JSON.
const BLOB_BYTES = [HOSTILE_BLOB.toString('latin1'), JSON.stringify(HOSTILE_BLOB.toString()).slice(1, -1), '"type":"Buffer"', 'blob\\x1b'];

describe('the commands on a file with a BLOB, a wrong type, a hostile time and malformed JSON in every column', () => {
  it.each(MODES.map((m) => [m.join(' ') || '(newest 20)', m]))('history %s: exit 0, no error, and a BLOB shows as its marker, never its bytes', async (_name, mode) => {
    const run = await runCommand(history, [...mode, '--db', path, '--read-only']);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    for (const bytes of BLOB_BYTES) expect(run.stdout).not.toContain(bytes);
  });

  it("history shows the marker and reads other writers' times as the UTC instants they are", async () => {
    const run = await runCommand(history, ['--all', '--json', '--db', path, '--read-only']);
    const rows = JSON.parse(run.stdout) as { prompt: string; timestamp: string; completedAt: string | null; category: string | null }[];
    const offset = rows.find((r) => r.prompt === 'offset time')!;
    expect(offset).toMatchObject({ timestamp: '2026-11-26T11:45:09.000Z', completedAt: '2026-11-26T13:00:00.000Z' });
    const blob = rows.find((r) => r.prompt === blobMarker(HOSTILE_BLOB))!;
    expect(blob).toMatchObject({ category: blobMarker(HOSTILE_BLOB), timestamp: blobMarker(HOSTILE_BLOB), completedAt: new Date(1764160000000).toISOString() });
    expect(rows.some((r) => r.timestamp === '?yesterday')).toBe(true);
    const table = await runCommand(history, ['--search', 'offset', '--db', path, '--read-only']);
    expect(table.stdout).toContain('2026-11-26 11:45');
  });

  it('doctor reports the file, and --json parses', async () => {
    const text = await runCommand(doctor, ['--db', path]);
    expect(text.stderr).not.toMatch(/unexpected error|\n\s+at /);
    const json = await runCommand(doctor, ['--json', '--db', path]);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
  });
});
