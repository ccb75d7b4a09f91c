import React from 'react';
import { describe, it, expect } from 'vitest';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { ListView, type Column } from '../../components/ListView.js';
import { ThemeProvider, plainTheme } from '../../components/theme/index.js';
import { strip } from '../app/driver.js';

// Issue 13.6 through the real component: what the operator sees is what is stored, and no
// emoji, ZWJ sequence or flag shifts the column after it.
interface Row {
  id: number;
  name: string;
  tail: string;
}
const columns: Column<Row>[] = [
  { header: 'Id', width: 3, value: (r) => String(r.id), align: 'right' },
  { header: 'Name', width: 12, value: (r) => r.name },
  { header: 'Tail', width: 0, value: (r) => r.tail },
];

const draw = (rows: Row[]): string =>
  strip(
    render(
      <ThemeProvider theme={plainTheme}>
        <ListView<Row> columns={columns} rows={rows} cursor={-1} width={90} height={12} status="ready" rowKey={(r) => r.id} />
      </ThemeProvider>,
    ).lastFrame(),
  );

describe('ListView: stored text as it is', () => {
  it('shows an OSC 52 clipboard write, an OSC 8 link, zero-width and bidi characters as escapes', () => {
    const f = draw([
      { id: 1, name: 'clip', tail: 'a\u001b]52;c;cm0gLXJm\u0007b' },
      { id: 2, name: 'link', tail: '\u001b]8;;https://evil.example\u001b\\docs\u001b]8;;\u001b\\' },
      { id: 3, name: 'zw', tail: 'pay\u200bpal \u202eevil\u2028x' },
    ]);
    expect(f).toContain('a\\x1b]52;c;cm0gLXJm\\x07b');
    expect(f).toContain('\\x1b]8;;https://evil.example\\x1b\\docs\\x1b]8;;\\x1b\\');
    expect(f).toContain('pay\\u{200b}pal \\u{202e}evil\\u{2028}x');
    // eslint-disable-next-line no-control-regex -- no raw escape or bell may reach the frame
    expect(f).not.toMatch(/[\u001b\u0007\u200b\u202e\u2028]/);
  });

  it('emoji, ZWJ sequences and flags never shift the next column', () => {
    const names = ['plain', '👨‍👩‍👧 family', '🇯🇵🇺🇸 flags', '🏴󠁧󠁢󠁥󠁮󠁧󠁿 england', '👩🏽‍💻👩🏽‍💻👩🏽‍💻👩🏽‍💻👩🏽‍💻👩🏽‍💻👩🏽‍💻', '❤️❤️❤️❤️❤️❤️❤️', '日本語テキストです'];
    const f = draw(names.map((name, i) => ({ id: i, name, tail: 'TAIL' })));
    const lines = f.split('\n').filter((l) => l.includes('TAIL'));
    expect(lines).toHaveLength(names.length);
    const at = lines.map((l) => stringWidth(l.slice(0, l.indexOf('TAIL'))));
    expect(new Set(at).size).toBe(1);
  });
});
