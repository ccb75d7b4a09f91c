import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Connection } from '../../db/connection.js';
import { PromptHistoryReader } from '../../db/repositories/prompt-history-reader.js';
import * as views from './malformed-views.js';
import { writeMalformedFile, type MalformedIds } from './malformed-file.js';

const dir = mkdtempSync(join(tmpdir(), 'bematic-badrows-types-'));
const path = join(dir, 'malformed.db');
let ids: MalformedIds;
let conn: Connection;
beforeAll(() => {
  ids = writeMalformedFile(path);
  conn = openDatabase({ path, readOnly: true });
});
afterAll(() => {
  conn?.close();
  rmSync(dir, { recursive: true, force: true });
});

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const TIME_FIELD = /(At|^timestamp|^scheduledFor)$/;
const SECONDS = new Set(['api keys list', 'api keys by state']);

/** What a read model handed out that a screen could trip on: a BLOB's Buffer, a Date, a time neither canonical nor marked. */
function leaks(value: unknown, where: string, path = '', out: string[] = []): string[] {
  if (value instanceof Uint8Array) out.push(`${where}${path}: a BLOB's bytes`);
  else if (value instanceof Date) out.push(`${where}${path}: a Date`);
  else if (typeof value === 'bigint') out.push(`${where}${path}: a bigint`);
  else if (Array.isArray(value)) value.forEach((v, i) => leaks(v, where, `${path}[${i}]`, out));
  else if (value instanceof Map) for (const [k, v] of value) leaks(v, where, `${path}.${String(k)}`, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const isTime = TIME_FIELD.test(k) && !SECONDS.has(where);
      if (isTime && typeof v === 'string' && v !== '' && !CANONICAL.test(v) && !/^\?|^⟨blob/.test(v)) out.push(`${where}${path}.${k}: ${JSON.stringify(v)} is neither canonical nor marked`);
      if (isTime && typeof v === 'number') out.push(`${where}${path}.${k}: a number`);
      if (SECONDS.has(where) && TIME_FIELD.test(k) && typeof v === 'number' && Math.abs(v) > 1e11) out.push(`${where}${path}.${k}: milliseconds as seconds`);
      leaks(v, where, `${path}.${k}`, out);
    }
  }
  return out;
}

describe('the value boundary: what the read models hand out is of its declared type', () => {
  it('every view of every table: no BLOB bytes, no Date, every time canonical ISO or marked unreadable', () => {
    const found: string[] = [];
    for (const [name, read] of views.reads(conn.db, ids.text)) leaks(read(), name, '', found);
    const reader = new PromptHistoryReader(conn.sqlite);
    for (const [name, read] of [
      ['prompts findAll', () => reader.findAll({ limit: 1000 })],
      ['prompts findById', () => (ids.numeric.prompt_history ?? []).map((id) => reader.findById(id))],
      ['prompts stats', () => reader.getStats()],
      ['prompts counts', () => [reader.categoryCounts(), reader.tagCounts(), reader.getCategories(), reader.getTags()]],
    ] as [string, () => unknown][])
      leaks(read(), name, '', found);
    expect(found).toEqual([]);
  });
});
