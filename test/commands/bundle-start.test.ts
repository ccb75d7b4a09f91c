import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runBin } from './history-fixtures.js';
import { tempDir } from '../helpers/temp-db.js';

// What the built binary loads before the console's first frame: the console command's chunk
// and what it imports statically, plus the three chunks runInk imports (ink, react, App). The
// other screens, luxon, cronstrue and chrono-node wait for their screen; React's development
// build is not in the bundle at all (DEBUG runs the unbundled modules instead).

interface Output {
  inputs: Record<string, unknown>;
  imports?: { path: string; kind: string }[];
}

interface Metafile {
  inputs: Record<string, { imports: { path: string; original?: string }[] }>;
  outputs: Record<string, Output>;
}

const metafile = (): Metafile => JSON.parse(readFileSync(join(ROOT, 'dist/bin/meta.json'), 'utf8')) as Metafile;
const meta = (): Record<string, Output> => metafile().outputs;

function staticClosure(outputs: Record<string, Output>, roots: string[]): Set<string> {
  const seen = new Set(roots);
  const walk = (o: string): void => {
    for (const i of outputs[o]?.imports ?? []) {
      if (i.kind === 'import-statement' && i.path in outputs && !seen.has(i.path)) {
        seen.add(i.path);
        walk(i.path);
      }
    }
  };
  roots.forEach(walk);
  return seen;
}

const chunkOf = (outputs: Record<string, Output>, source: RegExp): string => {
  const found = Object.keys(outputs).find((k) => Object.keys(outputs[k]!.inputs).some((i) => source.test(i)));
  if (!found) throw new Error(`no chunk holds ${source}`);
  return found;
};

describe('the bundle: what the console loads before its first frame', () => {
  it('loads the dashboard only: no other screen, no luxon, cronstrue, chrono-node or croner', () => {
    expect(existsSync(BIN)).toBe(true);
    const outputs = meta();
    const roots = [/src\/commands\/console\.ts$/, /node_modules\/ink\/build\/ink\.js$/, /node_modules\/react\/index\.js$/, /src\/app\/App\.tsx$/].map((r) => chunkOf(outputs, r));
    const sources = [...staticClosure(outputs, roots)].flatMap((c) => Object.keys(outputs[c]!.inputs));
    expect(sources.some((s) => s.startsWith('screens/dashboard/'))).toBe(true); // the closure is found at all
    expect(sources.filter((s) => /^screens\//.test(s) && !s.startsWith('screens/dashboard/'))).toEqual([]);
    expect(sources.filter((s) => /node_modules\/(luxon|cronstrue|chrono-node|croner)\//.test(s))).toEqual([]);
  });

  it('holds no development build of React, its reconciler or scheduler', () => {
    const sources = Object.values(meta()).flatMap((o) => Object.keys(o.inputs));
    expect(sources.some((s) => /node_modules\/react-reconciler\//.test(s))).toBe(true);
    expect(sources.filter((s) => /\.development\.js$/.test(s))).toEqual([]);
  });

  it("gives Ink the console's own width, and makes string-width's emoji pattern at its first use", () => {
    const { inputs, outputs } = metafile();
    const importers = (target: string): string[] => Object.keys(inputs).filter((i) => inputs[i]!.imports.some((x) => x.path === target));
    // Ink and its helpers measure through the shim; only the shim and width.ts reach string-width 8
    expect(importers('components/text/ink-string-width.ts').sort()).toEqual(['node_modules/cli-truncate/index.js', 'node_modules/ink/build/output.js', 'node_modules/widest-line/index.js']);
    expect(importers('node_modules/string-width/index.js').sort()).toEqual(['components/text/ink-string-width.ts', 'components/text/width.ts']);
    const chunk = readFileSync(join(ROOT, chunkOf(outputs, /^node_modules\/string-width\/index\.js$/)), 'utf8');
    expect(chunk).toMatch(/re\?\?=new RegExp\("\^\\\\p\{RGI_Emoji\}\$","v"\)/); // made inside test(), not as the file loads
    expect(chunk.match(/RGI_Emoji/g)).toHaveLength(1);
  });

  it('with DEBUG runs the unbundled modules: the stack names the sources', () => {
    const missing = join(tempDir(), 'missing.db');
    const plain = runBin(['history', '--db', missing]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = runBin(['history', '--db', missing], { env: { DEBUG: '1' } });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/at openSqliteFile \(file:\/\/\S+\/dist\/db\/open-file\.js:/);
  });
});
