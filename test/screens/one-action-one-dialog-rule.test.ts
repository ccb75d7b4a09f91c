import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Issue 14 item 4, kept: every change goes through one hook (src/hooks/use-admin-action.ts) and
// every dialog measures its own height (components/dialog-height.ts), in every screen.

const ROOT = join(import.meta.dirname, '../../screens');
const files = readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.tsx?$/.test(f))
  .map((f) => ({ path: f.replace(/\\/g, '/'), text: readFileSync(join(ROOT, f), 'utf8') }));

/** Hooks that still change data their own way (none left: add one only with a reason). */
const NOT_YET: ReadonlySet<string> = new Set<string>([]);

describe('one action helper and one dialog rule', () => {
  it('no screen keeps a fixed number of lines for an open dialog', () => {
    const fixed = files.filter((f) => /\.dialog\s*\?\s*\d+\b/.test(f.text)).map((f) => f.path);
    expect(fixed).toEqual([]);
  });

  it('every screen hook that runs a db action goes through the action helper', () => {
    const own = files
      .filter((f) => /\/use-[^/]+\.ts$/.test(f.path) && /from '\.\.\/\.\.\/db\/actions\/(?!undo-offer)/.test(f.text) && /\b(try|useConfirm)\b/.test(f.text))
      .filter((f) => !f.text.includes("src/hooks/use-admin-action.js'"))
      .map((f) => f.path)
      .filter((p) => !NOT_YET.has(p));
    expect(own).toEqual([]);
  });
});
