// `npm run bench`. React picks its build when first loaded: the production one, as the binary
// uses it (its development build is slower and buffers a performance entry per render).
process.env.NODE_ENV ??= 'production';
// Ink draws only its last frame, at exit, when CI is set (is-in-ci, read as Ink loads): the screens
// suite times every frame, so it must draw them as at a terminal, on a CI runner too.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
const { main } = await import('./main.js');

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (process.env.DEBUG ? e.stack : e.message) : String(e)}\n`);
  process.exit(1);
});
