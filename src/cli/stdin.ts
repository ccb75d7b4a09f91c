import { UsageError } from '../../db/errors.js';

/** "1 MB (1,048,576 bytes of UTF-8)": how a byte limit is said in help and refusals. */
export const describeBytes = (max: number): string => `${max % (1024 * 1024) === 0 ? `${max / (1024 * 1024)} MB` : `${max} bytes`} (${String(max).replace(/\B(?=(\d{3})+$)/g, ',')} bytes of UTF-8)`;

const tooLarge = (what: string, max: number): UsageError => new UsageError(`${what} on stdin is over the limit of ${describeBytes(max)}`);

/** The length of `b` without its trailing newlines (LF or CRLF). */
function withoutTrailingNewlines(b: Buffer): number {
  let end = b.length;
  while (end > 0 && b[end - 1] === 0x0a) end -= end > 1 && b[end - 2] === 0x0d ? 2 : 1;
  return end;
}

/**
 * All of a stream as UTF-8 text (for `-` arguments), its trailing newlines dropped. Refused with a
 * usage error (exit 2) when it holds more than `maxBytes` (reading stops soon after: a runaway
 * pipe is not held in memory) or is not valid UTF-8 (never silently stored as U+FFFD). `what`
 * names it in the sentence ("the prompt text").
 */
export async function readAll(stream: NodeJS.ReadableStream, what = 'the input', maxBytes = Infinity): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    // a little over: what is over the limit may still be a final newline or two
    if (size > maxBytes + 4) throw tooLarge(what, maxBytes);
    chunks.push(b);
  }
  const all = Buffer.concat(chunks);
  const end = withoutTrailingNewlines(all);
  if (end > maxBytes) throw tooLarge(what, maxBytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(all.subarray(0, end));
  } catch {
    throw new UsageError(`${what} on stdin is not valid UTF-8; convert it first (e.g. iconv -t UTF-8)`);
  }
}
