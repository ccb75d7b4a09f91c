import type { ExtraObject } from '../migrate/extras.js';
import { promptFtsExtra } from './fts.js';
import { promptRollupExtra } from './rollup.js';
import { promptTagsExtra } from './tags.js';
import { taskFtsExtra } from './task-fts.js';

/** Full-text search, tag index and statistics rollup for prompt_history. */
export const promptSearchExtras: readonly ExtraObject[] = [promptFtsExtra, promptTagsExtra, promptRollupExtra];

/** Every search object: the prompts' and the tasks' full-text index. Created by `migrate` and after demo data; `doctor` names the missing ones. */
export const searchExtras: readonly ExtraObject[] = [...promptSearchExtras, taskFtsExtra];
