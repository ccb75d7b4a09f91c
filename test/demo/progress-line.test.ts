import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressLine, progressText } from '../../src/demo/progress-line.js';

function capture(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY });
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString()));
  return { stream, text: () => text };
}

describe('the demo progress line', () => {
  it('reads like `tasks 412,000/1,000,000 (41%)`', () => {
    expect(progressText(412_000, 1_000_000, 'tasks')).toBe('tasks 412,000/1,000,000 (41%)');
  });

  it('writes a line at every tenth of a big table when piped, and only the end of a small one', async () => {
    const { stream, text } = capture(false);
    const line = progressLine(stream);
    for (let done = 5_000; done <= 100_000; done += 5_000) line.report(done, 100_000, 'tasks');
    line.report(12, 12, 'projects');
    line.end();
    await new Promise((r) => setImmediate(r));
    const lines = text().trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('tasks 10,000/100,000 (10%)');
    expect(lines.at(-1)).toBe('projects 12/12 (100%)');
  });

  it('rewrites one line on a terminal and clears it at the end', async () => {
    const { stream, text } = capture(true);
    const line = progressLine(stream);
    line.report(1, 10, 'tasks');
    line.report(2, 10, 'tasks'); // within 100 ms: skipped
    line.report(10, 10, 'tasks');
    line.end();
    await new Promise((r) => setImmediate(r));
    expect(text()).toBe('\r\x1b[2Ktasks 1/10 (10%)\r\x1b[2Ktasks 10/10 (100%)\r\x1b[2K');
  });
});
