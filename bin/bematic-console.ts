#!/usr/bin/env node
import { processContext } from '../src/cli/context.js';
import { main } from '../src/cli/main.js';

// A reader that went away (`| head`) is not an error: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(`bematic-console: cannot write the output: ${e.message}\n`);
  process.exit(1);
});

/**
 * DEBUG runs tsc's module-per-file output (dist/src, shipped beside the bundle) rather than the
 * bundle, which is minified and holds React's production build only (src/build/bundle.ts): stacks
 * name the sources and React gives its development warnings. Unbundled, it is this same module.
 */
async function entry(): Promise<typeof main> {
  if (!process.env.DEBUG) return main;
  const unbundled = new URL('../src/cli/main.js', import.meta.url).href;
  return ((await import(unbundled)) as typeof import('../src/cli/main.js')).main;
}

process.exitCode = await (await entry())(process.argv.slice(2), processContext());
