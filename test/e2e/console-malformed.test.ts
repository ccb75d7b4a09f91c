import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TmuxShell, binaryCommand, hasTmux } from '../helpers/spawn-tmux.js';
import { writeMalformedFile } from '../reliability/malformed-file.js';

const dir = mkdtempSync(join(tmpdir(), 'bematic-e2e-malformed-'));
let shell: TmuxShell | undefined;
afterEach(() => shell?.close());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LIST = /\d+-\d+ of [\d,]+|No |empty|none/i;
// the dashboard is where the console opens; the lists each open a detail or drill-down
const SCREENS: [string, RegExp][] = [
  ['2', /^Tasks/m],
  ['3', /^Sessions/m],
  ['4', /^Users/m],
  ['6', /^Schedules/m],
  ['7', /^Prompts/m],
  ['8', /^Audit log/m],
  ['9', /^Projects/m],
];

describe.skipIf(!hasTmux())('the console on a file full of malformed rows (tmux)', () => {
  it('every screen and detail renders, with no error state, no crash and nothing interpreted', async () => {
    const path = join(dir, 'malformed.db');
    writeMalformedFile(path);
    const s = (shell = new TmuxShell(140, 40));
    const title = s.pane('pane_title'); // an escape sequence from the data would change it
    s.run(`${binaryCommand(['--db', path, '--read-only'])}; echo "EXIT=$?"`);
    await s.waitFor(/Tasks by status/);
    const seen: string[] = [s.screen()];
    expect(s.pane('pane_title')).toBe(title);
    for (const [key, name] of SCREENS) {
      s.literal(key);
      seen.push(await s.waitFor((text) => name.test(text) && LIST.test(text)));
      expect(s.pane('pane_title')).toBe(title);
      const selected = (text: string): string => /^> (.*)$/m.exec(text)?.[1] ?? '';
      const first = selected(s.screen());
      s.literal('j'); // one key at a time, each seen on screen: keys sent together arrive as one paste
      await s.waitFor((text) => selected(text) !== first);
      s.keys('Enter');
      seen.push(await s.waitFor(/›/)); // a detail or drill-down opened
      s.keys('Escape');
      await s.waitFor(new RegExp(`${name.source}\\s*$`, 'm')); // the screen itself, not its drill-down 'Projects › …'
    }
    s.literal('5'); // API keys: a list without a detail
    seen.push(await s.waitFor((text) => /^API keys/m.test(text) && LIST.test(text)));
    s.literal('1');
    await s.waitFor(/Tasks by status/);
    expect(seen.join('\n')).toContain('⟨blob 14 bytes⟩'); // a BLOB as its marker, never its bytes
    for (const screen of seen) {
      expect(screen.split('\n')[0]).toMatch(/^bematic-console /);
      expect(screen).not.toMatch(/Error:|unexpected|EXIT=\d/);
    }
    expect(s.pane('pane_title')).toBe(title);
    // eslint-disable-next-line no-control-regex -- looks for a red escape in the captured pane
    expect(s.tmux('capture-pane', '-p', '-e', '-t', 'main')).not.toMatch(/\u001b\[(?:\d+;)*31m/);
    s.literal('q');
    await s.waitFor(/EXIT=0/);
  }, 60_000);
});
