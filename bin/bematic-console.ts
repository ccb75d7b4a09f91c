#!/usr/bin/env node
import { processContext } from '../src/cli/context.js';
import { main } from '../src/cli/main.js';

// A reader that went away (`| head`) is not an error: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(`bematic-console: cannot write the output: ${e.message}\n`);
  process.exit(1);
});

process.exitCode = await main(process.argv.slice(2), processContext());
