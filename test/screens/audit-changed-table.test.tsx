import { describe, it, expect, afterEach } from 'vitest';
import stringWidth from 'string-width';
import { freshDatabase } from '../helpers/temp-db.js';
import { minutesAgo } from '../helpers/seed.js';
import { startConsole, KEYS } from '../app/driver.js';
import { changedFields } from '../../screens/audit/audit-entry-lines.js';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const before = { id: 'sch_1', prompt: 'daily report', timezone: 'UTC', cronExpression: '0 9 * * *', status: 'active', enabled: true, note: 'x' };
const after = { ...before, cronExpression: '0 10 * * 1-5', status: 'paused', enabled: false, note: '日本語\u001b[2J' };

describe("an audit entry's before and after", () => {
  it('lists only the fields that differ; a creation lists what it set; none without a pair', () => {
    expect(changedFields(JSON.stringify({ before, after }))).toEqual([
      { field: 'cronExpression', before: '0 9 * * *', after: '0 10 * * 1-5' },
      { field: 'status', before: 'active', after: 'paused' },
      { field: 'enabled', before: 'true', after: 'false' },
      { field: 'note', before: 'x', after: '日本語\u001b[2J' },
    ]);
    expect(changedFields(JSON.stringify({ before: null, after: { role: 'admin' } }))).toEqual([{ field: 'role', before: '(none)', after: 'admin' }]);
    expect(changedFields('{"reason":"x"}')).toBeNull();
    expect(changedFields('not json')).toBeNull();
  });

  for (const columns of [60, 120]) {
    it(`shows them as a table within ${columns} columns, inert, the metadata still below its label`, async () => {
      const conn = freshDatabase();
      conn.sqlite
        .prepare('INSERT INTO audit_logs (action, user_id, resource_type, resource_id, metadata, timestamp) VALUES (?, ?, ?, ?, ?, ?)')
        .run('scheduled_task.updated', 'U_OPS', 'scheduled_task', 'sch_1', JSON.stringify({ before, after }), minutesAgo(0));
      const c = await startConsole(conn, { initialScreen: 'audit', columns, rows: 40 });
      stop = c.unmount;
      await c.waitFor((f) => f.includes(' of '));
      const f = await c.press(KEYS.enter, 'Changed (before → after)');
      const lines = f.split('\n');
      for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(columns);
      expect(f).toMatch(/│ status +│ active +│ paused +│/);
      expect(f).toMatch(/│ enabled +│ true +│ false +│/);
      expect(f).not.toMatch(/│ prompt /); // unchanged fields stay in the metadata only
      expect(f).not.toContain('\u001b[2J');
      expect(lines.some((l) => l.includes('metadata'))).toBe(true);
      if (columns === 120) expect(f).toContain('日本語\\x1b[2J');
    });
  }
});
