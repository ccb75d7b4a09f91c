export * from './bindings.js';
export * from './keys.js';
export * from './keymap.js';
export * from './list-commands.js';
