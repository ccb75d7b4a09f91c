import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { displayWidth } from './width.js';

type Options = Parameters<typeof stringWidth>[1];

/**
 * string-width as Ink and its helpers import it in the bundle (src/build/bundle.ts points them
 * here): the same answers (test/components/text-width.test.ts) without string-width's RGI_Emoji
 * pattern, which V8 compiles for 50-70 ms the first time Ink measures a box-drawing character.
 * Escapes go as string-width drops them (strip-ansi); a call with options goes to it whole.
 */
export default function inkStringWidth(text: string, options?: Options): number {
  if (typeof text !== 'string' || text.length === 0) return 0;
  if (options !== undefined) return stringWidth(text, options);
  return displayWidth(text.includes('\u001b') || text.includes('\u009b') ? stripAnsi(text) : text);
}
