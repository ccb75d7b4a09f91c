import { describe, it, expect } from 'vitest';
import { EventEmitter } from 'node:events';
import { feedKeysOneByOne, type KeySource } from '../../src/app/key-stream.js';
import { editByKey } from '../../components/TextField.js';

/** ink-testing-library's stdin in small: write() makes one read of the whole string. */
class FakeStdin extends EventEmitter {
  private data: string | null = null;
  read = (): string | null => {
    const d = this.data;
    this.data = null;
    return d;
  };
  write(s: string): void {
    this.data = s;
    this.emit('readable');
  }
}

/** What Ink's listener reads per 'readable': one entry per event. */
function listen(stdin: KeySource): string[] {
  const reads: string[] = [];
  stdin.on('readable', () => {
    let chunk: string | Buffer | null;
    const got: string[] = [];
    while ((chunk = stdin.read()) !== null) got.push(String(chunk));
    reads.push(got.join(''));
  });
  return reads;
}

const settle = async (): Promise<void> => {
  for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
};

describe('the key feed', () => {
  it('hands one key per readable event: the first at once, the rest on later turns, in order', async () => {
    const stdin = new FakeStdin();
    const feed = feedKeysOneByOne(stdin as unknown as KeySource);
    const reads = listen(stdin as unknown as KeySource);
    stdin.write('ab\u001b[B\r');
    expect(reads).toEqual(['a']); // the rest wait until React has settled
    await settle();
    expect(reads).toEqual(['a', 'b', '\u001b[B', '\r']);
    stdin.write('\u001b[200~pasted text\u001b[201~');
    await settle();
    expect(reads.at(-1)).toBe('pasted text');
    feed.uninstall();
    stdin.write('xyz');
    expect(reads.at(-1)).toBe('xyz'); // uninstalled: the stream is as it was
  });

  it('finishes an escape sequence split across reads, and a paste whose end comes later', async () => {
    const stdin = new FakeStdin();
    const feed = feedKeysOneByOne(stdin as unknown as KeySource);
    const reads = listen(stdin as unknown as KeySource);
    stdin.write('j\u001b[1;');
    stdin.write('5B');
    stdin.write('\u001b[200~one ');
    stdin.write('two\u001b[201~');
    await settle();
    expect(reads).toEqual(['j', '\u001b[1;5B', 'one two']);
    feed.uninstall();
  });
});

describe('what a key may do to a text field', () => {
  it('typed and pasted text and the delete keys edit; Ctrl-u clears, Ctrl-w drops a word; other control keys type nothing', () => {
    expect(editByKey('q', 'ab', 'abq')).toBe('abq');
    expect(editByKey('\u007f', 'ab', 'a')).toBe('a');
    expect(editByKey('\u0015', 'one two', 'one twou')).toBe('');
    expect(editByKey('\u0017', 'one two', 'one twow')).toBe('one ');
    expect(editByKey('\u0006', 'ab', 'abf')).toBeNull(); // Ctrl-f
    expect(editByKey('\u001bx', 'ab', 'abx')).toBeNull(); // Alt-x
    expect(editByKey('\u001b[15~', 'ab', 'ab[15~')).toBeNull(); // F5
  });
});
