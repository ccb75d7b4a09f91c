import { describe, it, expect } from 'vitest';
import { fitColumns } from '../../components/text/width.js';

describe('fitColumns', () => {
  it('pads short text and cuts long text with … to exactly the width, ASCII or not', () => {
    expect(fitColumns('abc', 6)).toBe('abc   ');
    expect(fitColumns('abc', 6, 'right')).toBe('   abc');
    expect(fitColumns('abcdefgh', 6)).toBe('abcde…');
    expect(fitColumns('abcdef', 6)).toBe('abcdef');
    expect(fitColumns('abcdefgh', 6, 'right')).toBe('abcde…');
    expect(fitColumns('añcdefgh', 6)).toBe('añcde…');
    expect(fitColumns('日本語テキスト', 6)).toBe('日本… ');
    expect(fitColumns('', 3)).toBe('   ');
    expect(fitColumns('abc', 0)).toBe('');
    expect(fitColumns('abc', 1)).toBe('…');
  });
});
