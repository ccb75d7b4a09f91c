// The data layer's public face. db/ imports nothing from the app or React.
export * from './connection.js';
export * from './errors.js';
export * from './types.js';
export * from './shape.js';
export * from './tables.js';
export * from './json.js';
export * from './time.js';
export * as schema from './schema/index.js';
export * from './repositories/index.js';
