import type { ExtraObject } from '../migrate/extras.js';
import { promptFtsExtra } from './fts.js';
import { promptRollupExtra } from './rollup.js';
import { promptTagsExtra } from './tags.js';

/** Full-text search, tag index and statistics rollup for prompt_history: created by `migrate` and after demo data. */
export const promptSearchExtras: readonly ExtraObject[] = [promptFtsExtra, promptTagsExtra, promptRollupExtra];
