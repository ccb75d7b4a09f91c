import { describe, it, expect, afterEach } from 'vitest';
import stringWidth from 'string-width';
import { demoConnection } from './demo-console.js';
import { helpSections } from '../../src/keymap/keymap.js';
import { screensSection } from '../../src/app/HelpLayer.js';
import { shortDescription } from '../../components/HelpOverlay.js';
import { startConsole, KEYS } from './driver.js';

// The help at small sizes is dense (short descriptions, two columns, the screens two to a line, no
// border) so it takes few pages, and every binding still shows on one of them.

const conn = demoConnection('help', 0.001, 11);

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const esc = (x: string): string => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The screens with the most keys: the prompts, API keys and schedules. */
const SCREENS = [
  { key: '7', id: 'prompts', title: 'Prompts' },
  { key: '5', id: 'api-keys', title: 'API keys' },
  { key: '6', id: 'schedules', title: 'Schedules' },
];

describe.each([
  [60, 15, 2],
  [80, 24, 1],
  [120, 32, 1],
] as const)('the help at %ix%i', (columns, rows, most) => {
  it.each(SCREENS.map((s) => [s.title, s] as const))(
    `on %s takes at most ${most} page(s), fits, and shows every binding`,
    async (_t, s) => {
      const c = await startConsole(conn(), { columns, rows });
      stop = c.unmount;
      await c.waitFor('Latest audit events', 15_000);
      await c.tap(s.key);
      // the list's rows are read (the total may still be an estimate); a longer wait on a busy machine
      await c.waitFor((x) => x.split('\n')[1]!.startsWith(s.title) && / of ~?[\d,]+|No \w+/.test(x), 15_000);
      let help = await c.press('?', 'Keys');
      const count = Number(/Keys \d+\/(\d+)/.exec(help)?.[1] ?? 1);
      expect(count, `pages at ${columns}x${rows}`).toBeLessThanOrEqual(most);
      const pages = [help];
      for (let p = 2; p <= count; p++) {
        help = await c.press(KEYS.pageDown, `Keys ${p}/${count}`);
        pages.push(help);
      }
      for (const page of pages) {
        expect(page.split('\n').length).toBeLessThanOrEqual(rows - 1);
        for (const l of page.split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(columns);
      }
      const all = pages.join('\n');
      for (const section of [...helpSections(['global', 'list', s.id], { actions: true, admin: true }), screensSection()]) {
        expect(all, section.title).toContain(section.title);
        for (const r of section.rows) {
          // the keys, then the start of what they do (cut to the column, but at least its first words)
          const words = shortDescription(r.description).slice(0, 6);
          expect(all, `${s.title} help: ${r.keys} ${r.description}`).toMatch(new RegExp(`(^|[│ ])${esc(r.keys)} +${esc(words)}`, 'm'));
        }
      }
    },
    30_000,
  );
});

describe('shortDescription', () => {
  it('keeps what the key does and leaves the asides, never cutting below six characters', () => {
    expect(shortDescription('refresh now (changes by others show within 2 s anyway)')).toBe('refresh now');
    expect(shortDescription('cancel: it never runs again (asks first)')).toBe('cancel');
    expect(shortDescription('help: every key that works here')).toBe('help: every key that works here');
    expect(shortDescription('next row')).toBe('next row');
  });
});
