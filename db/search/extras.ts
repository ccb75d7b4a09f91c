import type { ExtraObject } from '../migrate/extras.js';

/** Full-text search and tag index for prompt_history; filled in by the prompt-history work (issue 3). */
export const promptSearchExtras: readonly ExtraObject[] = [];
