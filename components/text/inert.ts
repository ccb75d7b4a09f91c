// CSI, OSC (ended by BEL or ST), and the two-byte escapes: all of them, so none reaches the terminal.
const ANSI = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[P^_][^\u001b]*(?:\u001b\\)?|[@-Z\\-_])|\u009b[0-?]*[ -/]*[@-~]/g;
// C0 and C1 controls and DEL (newline handled apart), and bidi overrides that reorder what follows.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from the database made inert: escapes removed, control characters shown as `�`.
 * One line unless `multiline`: newlines become `↵`.
 */
export function inert(text: string | null | undefined, multiline = false): string {
  if (text == null) return '';
  const s = text.replace(ANSI, '').replace(/\r\n?/g, '\n').replace(/\t/g, '  ').replace(CONTROL, '\ufffd');
  return multiline ? s : s.replace(/\n/g, '↵');
}
