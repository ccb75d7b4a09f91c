import { build, type Plugin } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm run build` runs this after tsc: the binary as one small entry and a chunk per command, so
// node parses a handful of files instead of resolving ~100 modules (drizzle-orm, Ink and their
// dependencies). tsc's dist/ stays for the tests and the bench, which import modules one by one.

// Runs as dist/src/build/bundle.js: the checkout is three folders up.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const OUT = join(ROOT, 'dist/bin');
/** Which source files went into which chunk: test/commands/bin.test.ts checks what a subcommand loads with it. */
const METAFILE = join(OUT, 'meta.json');

// CommonJS dependencies of Ink (signal-exit, yoga's loader) call require() on node's modules; an
// ESM chunk has no require of its own, so each chunk gets one.
const REQUIRE_SHIM = "import { createRequire as __bematicRequire } from 'node:module'; const require = __bematicRequire(import.meta.url);";

/**
 * yoga-layout (Ink's layout engine) embeds its WebAssembly as a data: URL and, where `fetch`
 * exists, fetches it: node then loads undici, its HTTP client, for 15-20 ms of the console's
 * start. With `fetch` shadowed in that one module it decodes the same bytes itself. Should the
 * file be renamed upstream, nothing matches and it fetches as before.
 */
const yogaWithoutFetch: Plugin = {
  name: 'yoga-without-fetch',
  setup(b) {
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, (args) => ({
      contents: `const fetch = undefined;\n${readFileSync(args.path, 'utf8')}`,
      loader: 'js',
    }));
  },
};

/**
 * React, its reconciler and scheduler pick their development or production build by
 * process.env.NODE_ENV when they load, so a bundle holds both: 1.1 MB of development code that
 * node parses at every start of the console and never runs (console.ts sets production). The
 * bundle takes the production build alone; DEBUG runs the unbundled modules instead
 * (bin/bematic-console.ts), development build and all.
 */
const reactProduction: Plugin = {
  name: 'react-production',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/](react|react-reconciler|scheduler)[\\/][^\\/]+\.js$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('process.env.NODE_ENV', '"production"'),
      loader: 'js',
    }));
  },
};

/**
 * Ink, cli-truncate and widest-line measure text with string-width 8, whose first look at any
 * character beyond ASCII compiles its RGI_Emoji pattern: 50-70 ms of the console's start, spent on
 * the first frame's borders. The bundle gives them components/text/ink-string-width.ts instead,
 * which answers the same without that pattern for all but emoji and joined graphemes. Only imports
 * that resolve to that same string-width are redirected (wrap-ansi keeps its own version 7).
 */
const SHIM = join(ROOT, 'components/text/ink-string-width.ts');
const WIDTH = join(ROOT, 'components/text/width.ts');
const stringWidthShim: Plugin = {
  name: 'string-width-shim',
  setup(b) {
    let real: string | undefined;
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData === SHIM || args.importer === SHIM || args.importer === WIDTH) return undefined;
      const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: SHIM });
      real ??= (await b.resolve('string-width', { kind: 'import-statement', resolveDir: join(ROOT, 'components/text'), importer: WIDTH, pluginData: SHIM })).path;
      return found.path === real ? { path: SHIM } : found;
    });
  },
};

/**
 * string-width 8 keeps its emoji test in the pattern /^\p{RGI_Emoji}$/v, every emoji sequence
 * Unicode lists: V8 takes 2-6 ms to build it as the file loads (esbuild writes it as new RegExp for
 * node 20) and 45-70 ms to compile it at its first use. The bundle builds it at its first use,
 * which with the shim above is the first emoji on screen. A string-width that uses the pattern for
 * more than `.test`, or writes it otherwise, is left as it is.
 */
const EMOJI_LITERAL = /const (\w+) = \/(\^\\p\{RGI_Emoji\}\$)\/v;/;
const lazyEmojiPattern: Plugin = {
  name: 'lazy-emoji-pattern',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const found = EMOJI_LITERAL.exec(source);
      if (!found) return undefined;
      const [literal, name, pattern] = found as unknown as [string, string, string];
      const uses = source.split(`${name}.`).length - 1;
      if (uses !== source.split(`${name}.test(`).length - 1) return undefined;
      const lazy = `const ${name} = { re: undefined, test(s) { return (this.re ??= new RegExp(${JSON.stringify(pattern)}, 'v')).test(s); } };`;
      return { contents: source.replace(literal, lazy), loader: 'js' };
    });
  },
};

async function bundle(): Promise<void> {
  // Chunk names carry a content hash: clear the old ones so dist/bin holds only this build's.
  rmSync(join(OUT, 'chunks'), { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['bin/bematic-console.ts'],
    outdir: OUT,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // better-sqlite3 is a native addon found beside its package; react-devtools-core is Ink's
    // optional debugger (DEV=true), not installed.
    external: ['better-sqlite3', 'react-devtools-core'],
    banner: { js: REQUIRE_SHIM },
    plugins: [yogaWithoutFetch, reactProduction, stringWidthShim, lazyEmojiPattern],
    // Fewer bytes to read and parse at each start (the console's first frame loads ~0.5 MB);
    // DEBUG runs the unbundled modules, with their names, instead.
    minify: true,
    // bin/bematic-console.ts: DEBUG imports tsc's output by a path computed at run time
    logOverride: { 'unsupported-dynamic-import': 'silent' },
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(METAFILE, JSON.stringify(result.metafile));
}

await bundle();
