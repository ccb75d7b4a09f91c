import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { insertServicePrompt } from '../db/prompt-history-seed.js';
import { freshDatabase } from '../helpers/temp-db.js';
import { runBin } from './history-fixtures.js';
import { runRecordingModules } from './loaded-modules.js';

// string-width builds an ICU segmenter and its emoji expressions as it loads (10-20 ms of a
// ~100 ms `history`): the subcommands load it only when they measure text other than ASCII.
const WIDTHS = /(^|\/)node_modules\/string-width\/|(^|\/)components\/text\/width\.(ts|js)$/;

function database(prompts: { prompt: string; category?: string; tags?: string }[]): string {
  const conn = freshDatabase();
  for (const p of prompts) insertServicePrompt(conn.sqlite, { status: 'completed', estimated: 10, actual: 12, ...p });
  conn.close();
  return conn.path;
}

describe('history: width tables only when the text needs them', () => {
  it('loads no string-width for ASCII output, nor for --version, --help or a refused command', () => {
    const path = database([{ prompt: 'plain words', category: 'feature', tags: '["api"]' }]);
    for (const args of [
      ['history', '--db', path],
      ['history', '--stats', '--db', path],
      ['history', '--tags', '--db', path],
      ['history', '--json', '--db', path],
      ['--version'],
      ['history', '--help'],
      ['nope'],
    ]) {
      const r = runRecordingModules(args);
      expect(
        r.sources.filter((s) => WIDTHS.test(s)),
        args.join(' '),
      ).toEqual([]);
    }
  });

  it('measures wide text as before: CJK and emoji cells keep the columns aligned', () => {
    const path = database([
      { prompt: 'after the wide ones', category: 'feature', tags: '["api"]' },
      { prompt: '漢字の説明 👩‍💻 and more', category: '機能', tags: '["絵文字","api"]' },
    ]);
    const recorded = runRecordingModules(['history', '--db', path]);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.sources.some((s) => WIDTHS.test(s))).toBe(true);
    const r = runBin(['history', '--db', path]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    // each column starts at the same terminal column on every line: PROMPT is the last
    const promptAt = (line: string, text: string): number => stringWidth(line.slice(0, line.indexOf(text)));
    const header = promptAt(lines[0]!, 'PROMPT');
    expect(
      promptAt(
        lines.find((l) => l.includes('漢字'))!,
        '漢字',
      ),
    ).toBe(header);
    expect(
      promptAt(
        lines.find((l) => l.includes('after the wide'))!,
        'after the wide',
      ),
    ).toBe(header);
    // the tags and category columns were measured in columns, not characters
    const tagsAt = (line: string, text: string): number => stringWidth(line.slice(0, line.indexOf(text)));
    expect(
      tagsAt(
        lines.find((l) => l.includes('漢字'))!,
        '絵文字',
      ),
    ).toBe(tagsAt(lines[0]!, 'TAGS'));
  });

  it('--tags and --categories with wide names: counts right-aligned under PROMPTS; --stats shows them', () => {
    const path = database([
      { prompt: 'one', category: '機能', tags: '["絵文字"]' },
      { prompt: 'two', category: 'feature', tags: '["api","絵文字"]' },
    ]);
    for (const args of [
      ['history', '--tags'],
      ['history', '--categories'],
    ]) {
      const r = runBin([...args, '--db', path]);
      expect(r.code, r.stderr).toBe(0);
      const [header, ...rows] = r.stdout.trimEnd().split('\n');
      const countEnd = stringWidth(header!.slice(0, header!.indexOf('PROMPTS') + 'PROMPTS'.length));
      expect(
        rows.some((l) => /絵文字|機能/.test(l)),
        r.stdout,
      ).toBe(true);
      for (const l of rows) {
        const end = l.search(/\s+[\d.]+%$/); // where the count ends and SHARE begins
        expect(end, l).toBeGreaterThan(0);
        expect(stringWidth(l.slice(0, end)), l).toBe(countEnd);
      }
    }
    const stats = runBin(['history', '--stats', '--db', path]);
    expect(stats.code, stats.stderr).toBe(0);
    expect(stats.stdout).toMatch(/機能/);
    expect(stats.stdout).toMatch(/絵文字/);
  });
});
