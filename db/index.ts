// The data layer's public face: `import … from 'bematic-console/db'` (package.json exports).
// db/ imports nothing from the app or React, so a program importing this loads no Ink or React.
export * from './connection.js';
export * from './errors.js';
export * from './types.js';
export * from './shape.js';
export * from './tables.js';
export * from './json.js';
export * from './time.js';
export * as schema from './schema/index.js';
export * from './repositories/index.js';
export { pushSchema, pushStatements, migrationStatements, ifNotExists } from './migrate/push-schema.js';
export { migrate, type MigrateOutcome } from './migrate/migrate.js';
export { planMigration, type MigrationPlan, type MigrationMode } from './migrate/plan.js';
export { applyMigration, type MigrationProgress, type MigrationResult } from './migrate/apply.js';
export { describePlan, describeMode } from './migrate/describe.js';
