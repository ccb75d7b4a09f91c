import { inBatches, prepareInsert } from './bulk.js';
import { CATEGORIES, executionNotes, files, loggedPrompt } from './text.js';
import { DAY, Timeline } from './timeline.js';
import { CONTEXTS, TAGS } from './words.js';
import { iso, streamOf, type DemoWorld } from './world.js';

const PROMPT_COLUMNS = [
  'prompt',
  'category',
  'tags',
  'context',
  'related_files',
  'execution_status',
  'execution_notes',
  'estimated_duration_minutes',
  'actual_duration_minutes',
  'timestamp',
  'completed_at',
] as const;

const STATUSES = ['completed', 'failed', 'cancelled', 'pending'] as const;
const ESTIMATES = [5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240] as const;

/** what real tags columns hold now and then: the console must show these raw, never crash */
export const MALFORMED_TAGS = ['["api", "security"', 'api,security', '[unclosed', "{'tag': 'ui'}", '["ok"]]'] as const;

export const promptCount = (scale: number): number => Math.max(60, Math.round(100_000 * scale));

/** prompt_history over the last 16 weeks in rising id order, with a handful of malformed tags */
export function writePrompts(world: DemoWorld): void {
  const rng = streamOf(world, 'prompts');
  const total = promptCount(world.scale);
  const timeline = new Timeline(rng, world.now, 16 * 7, total);
  const insert = prepareInsert(world.sqlite, 'prompt_history', PROMPT_COLUMNS);
  const malformedEvery = Math.floor(total / (MALFORMED_TAGS.length + 1));

  inBatches(world.sqlite, total, 'prompt_history', world.progress, (i) => {
    const at = timeline.next();
    const category = rng.chance(0.08) ? null : rng.weighted(CATEGORIES, [35, 30, 15, 10, 10]);
    const recent = world.now - at < 3 * DAY;
    const status = i < STATUSES.length ? STATUSES[i]! : rng.weighted(STATUSES, recent ? [40, 8, 5, 47] : [74, 10, 7, 9]);
    const estimate = rng.chance(0.6) ? rng.pick(ESTIMATES) : null;
    const actual =
      status === 'completed' && (estimate !== null || rng.chance(0.5))
        ? Math.max(1, Math.round((estimate ?? 30) * rng.logNormal(1.2, 0.6)))
        : status === 'failed' && rng.chance(0.5)
          ? rng.int(1, 90)
          : null;
    const finished = status !== 'pending';
    const k = (i + 1) / malformedEvery;
    const tags = Number.isInteger(k) && k <= MALFORMED_TAGS.length ? MALFORMED_TAGS[k - 1]! : JSON.stringify(rng.sample(TAGS, rng.weighted([0, 1, 2, 3, 4], [15, 30, 30, 17, 8])));
    insert({
      prompt: loggedPrompt(rng, category),
      category,
      tags,
      context: rng.chance(0.4) ? rng.pick(CONTEXTS) : null,
      related_files: JSON.stringify(files(rng, rng.weighted([0, 1, 2, 3, 4], [35, 25, 20, 12, 8]))),
      execution_status: status,
      execution_notes: executionNotes(rng, status),
      estimated_duration_minutes: estimate,
      actual_duration_minutes: actual,
      timestamp: iso(at),
      completed_at: finished ? iso(Math.min(world.now, at + (actual ?? rng.int(1, 120)) * 60_000)) : null,
    });
  });
}
