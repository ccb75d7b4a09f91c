/*
 * What one read of a terminal holds, cut into keys: `jjj` from tmux, a burst of arrows, key
 * repeat on a busy machine, `status:failed\r`, `\r\x03`. Each key is then handed to Ink alone
 * (src/app/key-stream.ts), so every input listener hears it after the frame the key before made.
 */

const ESC = '\u001b';
export const PASTE_START = `${ESC}[200~`;
export const PASTE_END = `${ESC}[201~`;

/** Where the CSI or SS3 sequence whose introducer (`[` or `O`) is at `i` ends (exclusive), or -1 if the read ends first. */
function sequenceEnd(s: string, i: number): number {
  if (s[i] === 'O') return i + 1 < s.length ? i + 2 : -1;
  let j = i + 1;
  if (s[j] === '[') j++; // the Linux console's ESC [ [ A
  for (; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c >= 0x20 && c <= 0x3f) continue; // parameter and intermediate bytes
    return j + 1; // the final byte (anything else ends a malformed one, as Ink does)
  }
  return -1;
}

/** Where the key starting with ESC at `i` ends (exclusive), or -1 if the read ends inside it. */
function escapeKeyEnd(s: string, i: number): number {
  const next = s[i + 1];
  if (next === undefined) return i + 1; // a lone Esc
  if (next === '[' || next === 'O') return sequenceEnd(s, i + 1);
  if (next === ESC && (s[i + 2] === '[' || s[i + 2] === 'O')) return sequenceEnd(s, i + 2); // Alt with an arrow
  if (next === ESC) return i + 1; // Esc pressed twice
  return i + 1 + (s.codePointAt(i + 1)! > 0xffff ? 2 : 1); // Alt-x
}

export interface Cut {
  /** the keys, in order: an escape sequence whole, a character alone, a bracketed paste as its text */
  readonly keys: string[];
  /** the start of a key (or of a paste) that the read ended inside: it waits for the next read */
  readonly rest: string;
}

/**
 * The keys of a read. A bracketed paste (`ESC [200~ … ESC [201~`) is one key holding the pasted
 * text on one line (line ends as spaces, other control characters dropped), so a text field takes it whole and no list
 * takes its letters for commands.
 */
export function cutKeys(chunk: string): Cut {
  const keys: string[] = [];
  let i = 0;
  while (i < chunk.length) {
    if (chunk.startsWith(PASTE_START, i)) {
      const end = chunk.indexOf(PASTE_END, i + PASTE_START.length);
      if (end === -1) return { keys, rest: chunk.slice(i) };
      const text = chunk
        .slice(i + PASTE_START.length, end)
        .replace(/\r\n?|\n/g, ' ')
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
      if (text !== '') keys.push(text);
      i = end + PASTE_END.length;
      continue;
    }
    if (chunk[i] === ESC) {
      const end = escapeKeyEnd(chunk, i);
      if (end === -1) return { keys, rest: chunk.slice(i) };
      keys.push(chunk.slice(i, end));
      i = end;
      continue;
    }
    const ch = String.fromCodePoint(chunk.codePointAt(i)!);
    keys.push(ch);
    i += ch.length;
  }
  return { keys, rest: '' };
}

/** The start of a paste is held until its end arrives; any other unfinished key is not. */
export const isPasteOpen = (rest: string): boolean => rest.startsWith(PASTE_START);
