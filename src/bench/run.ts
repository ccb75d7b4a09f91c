// `npm run bench`. React picks its build when first loaded: the production one, as the binary
// uses it (its development build is slower and buffers a performance entry per render).
process.env.NODE_ENV ??= 'production';
const { main } = await import('./main.js');

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (process.env.DEBUG ? e.stack : e.message) : String(e)}\n`);
  process.exit(1);
});
