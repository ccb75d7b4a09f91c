import { expect } from 'vitest';
import { KEYS, type startConsole } from '../app/driver.js';

// Driving a console form by keys, shared by the schedule form tests.
export const CTRL_U = '\u0015';
export type Console = Awaited<ReturnType<typeof startConsole>>;

/** The focused row of a form (inside a boxed form: without the box's left border). */
export const focused = (f: string): string =>
  f
    .split('\n')
    .map((l) => l.replace(/^│ (?=> )/, ''))
    .find((l) => l.startsWith('> ')) ?? '';

/** Moves the form's cursor (↓ or ↑) to the field with this label. */
export async function toField(c: Console, label: string, key: string = KEYS.down): Promise<void> {
  for (let i = 0; i < 12 && !focused(c.frame()).startsWith(`> ${label} `); i++) await c.press(key);
  expect(focused(c.frame())).toMatch(new RegExp(`^> ${label} `));
}

/** Clears the focused text field and types a new value. */
export async function retype(c: Console, text: string): Promise<void> {
  await c.tap(CTRL_U);
  await c.type(text);
}

/** Enter moves on; from the last field it asks to save. */
export async function submit(c: Console, expectText: string): Promise<string> {
  // one Enter at a time, each waited for: an Enter still queued when the question appears would answer it (No)
  for (let i = 0; i < 12 && !c.frame().includes(expectText); i++) await c.press(KEYS.enter);
  return c.waitFor(expectText);
}

/** The form row whose label is `label` (focused or not), and the line under it (its message, if any). */
export function row(frame: string, label: string): { line: string; under: string } {
  const lines = frame.split('\n');
  const at = lines.findIndex((l) => new RegExp(`^[│ ]*[> ] ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: |$)`).test(l));
  expect(at, `a row labelled ${label} in:\n${frame}`).toBeGreaterThanOrEqual(0);
  return { line: lines[at]!, under: lines[at + 1] ?? '' };
}
