import { prepareInsert } from './bulk.js';
import type { Rng } from './prng.js';
import { AGENTS, MODELS } from './words.js';
import { iso, type DemoWorld } from './world.js';

const SESSION_COLUMNS = ['id', 'task_id', 'agent_id', 'model', 'input_tokens', 'output_tokens', 'estimated_cost', 'duration_ms', 'status', 'created_at', 'completed_at'] as const;

/** dollars per million input and output tokens, by model */
const PRICES: Record<string, readonly [number, number]> = {
  [MODELS[0]]: [3, 15],
  [MODELS[1]]: [15, 75],
  [MODELS[2]]: [1, 5],
};

export function costOf(model: string, input: number, output: number): number {
  const [pin, pout] = PRICES[model] ?? [3, 15];
  return Math.round((input * pin + output * pout) / 10_000) / 100;
}

/** what a task's sessions need to know about it */
export interface SessionedTask {
  id: string;
  status: string;
  agentId: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  startedAt: number;
  durationMs: number;
}

/** writes a task's sessions and returns the id of the last one, or null when it never ran */
export type SessionWriter = (task: SessionedTask) => string | null;

/**
 * 1-3 sessions per task that ran: earlier ones invalidated or expired (the agent restarted),
 * the last one completed, or active while the task runs. Returns the id the task points at.
 */
export function sessionWriter(world: DemoWorld, rng: Rng): SessionWriter {
  const insert = prepareInsert(world.sqlite, 'sessions', SESSION_COLUMNS);
  return (task) => {
    if (task.status === 'pending' || task.status === 'queued') return null;
    if (task.status === 'cancelled' && rng.chance(0.5)) return null; // cancelled before an agent took it
    const n = task.status === 'running' ? 1 : rng.weighted([1, 2, 3], [70, 22, 8]);
    const agent = task.agentId === 'auto' ? rng.pick(AGENTS) : task.agentId;
    let start = Math.min(task.startedAt + rng.int(200, 4000), world.now);
    let lastId: string | null = null;
    let inLeft = task.inputTokens;
    let outLeft = task.outputTokens;
    for (let s = 0; s < n; s++) {
      const last = s === n - 1;
      const share = last ? 1 : rng.next() * 0.4;
      const input = Math.round(inLeft * share);
      const output = Math.round(outLeft * share);
      inLeft -= input;
      outLeft -= output;
      const duration = Math.max(1500, Math.round((task.durationMs / n) * (0.5 + rng.next())));
      const status = last ? lastStatus(task.status, rng) : rng.chance(0.6) ? 'invalidated' : 'expired';
      const end = Math.min(start + duration, world.now);
      lastId = `sess_${rng.nanoid()}`;
      insert({
        id: lastId,
        task_id: task.id,
        agent_id: agent,
        model: task.model,
        input_tokens: input,
        output_tokens: output,
        estimated_cost: costOf(task.model, input, output),
        duration_ms: status === 'active' ? null : end - start,
        status,
        created_at: iso(start),
        completed_at: status === 'active' ? null : iso(end),
      });
      start = end + rng.int(1000, 30_000);
    }
    return lastId;
  };
}

function lastStatus(taskStatus: string, rng: Rng): string {
  if (taskStatus === 'running') return 'active';
  if (taskStatus === 'cancelled') return 'invalidated';
  if (taskStatus === 'failed') return rng.chance(0.5) ? 'expired' : 'completed';
  return 'completed';
}
