import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  dbCredentials: { url: process.env.DATABASE_URL ?? './data/bematic.db' },
  // The console's own journal (db/migrate/journal.ts): `__drizzle_migrations` belongs to the
  // service's drizzle folder, whose later migrations our rows there would make drizzle skip.
  migrations: { table: '__bematic_console_migrations' },
});
