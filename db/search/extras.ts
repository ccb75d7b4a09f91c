import type { ExtraObject } from '../migrate/extras.js';
import { promptFtsExtra } from './fts.js';
import { promptTagsExtra } from './tags.js';

/** Full-text search and tag index for prompt_history, created by `migrate` and after demo data. */
export const promptSearchExtras: readonly ExtraObject[] = [promptFtsExtra, promptTagsExtra];
