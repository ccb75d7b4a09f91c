// migrate: the explicit, additive upgrade of a database of any age (COMPAT.md).
export { planMigration, type MigrationPlan, type MigrationMode } from './plan.js';
export { applyMigration, type MigrationProgress, type MigrationResult } from './apply.js';
export { describePlan, describeMode } from './describe.js';
export { LONG_LOCK_SECONDS, type MigrationStep, type StepKind } from './steps.js';
export { referenceSchema, type ReferenceSchema, type TableDef, type ColumnDef } from './reference.js';
export { readIndexDefs, type IndexDef } from './index-defs.js';
export { committedMigrations, readJournal, readServiceJournal, JOURNAL_TABLE, SERVICE_JOURNAL_TABLE, type JournalState, type ServiceJournalState } from './journal.js';
export { findDuplicateIndexes, consoleIndexNames, SERVICE_INDEX_NAMES, type DuplicateIndexes } from './index-names.js';
export { auditMigration, migrationAuditMetadata, SCHEMA_MIGRATED, type MigrationAuditMetadata } from './audit.js';
export { estimateRows, describeRows, formatCount, indexBuildSeconds, type RowEstimate } from './row-estimate.js';
export { pushSchema, migrationStatements } from './push-schema.js';
export type { ExtraObject } from './extras.js';
