// Times, cron and the spec's scheduling rules: pure functions, shared by the repository, actions and screens.
export * from './timezone.js';
export * from './cron.js';
export * from './interval.js';
export * from './when.js';
export * from './format.js';
export * from './rules.js';
export * from './kind.js';
export * from './validate.js';
