export * from './tokens.js';
export * from './context.js';
export * from './status-tone.js';
