import { inBatches, prepareInsert } from './bulk.js';
import type { Rng } from './prng.js';
import { costOf, sessionWriter } from './sessions.js';
import { BOT_COMMANDS, BOT_WEIGHTS, BOTS, commandsRun, files, taskPrompt, taskResult } from './text.js';
import { slackTs, Timeline } from './timeline.js';
import { ERRORS, MODELS } from './words.js';
import { iso, requesters, streamOf, type DemoProject, type DemoWorld } from './world.js';

const TASK_COLUMNS = [
  'id',
  'project_id',
  'bot_name',
  'command',
  'prompt',
  'status',
  'result',
  'error_message',
  'slack_channel_id',
  'slack_thread_ts',
  'slack_user_id',
  'slack_message_ts',
  'session_id',
  'parent_task_id',
  'input_tokens',
  'output_tokens',
  'estimated_cost',
  'max_budget',
  'files_changed',
  'commands_run',
  'created_at',
  'updated_at',
  'completed_at',
] as const;

const FINISHED = ['completed', 'failed', 'cancelled'] as const;
const LIVE = ['running', 'queued', 'pending'] as const;
const [BUDGET_ERROR, ...OTHER_ERRORS] = ERRORS;

export const taskCount = (scale: number): number => Math.max(60, Math.round(100_000 * scale));

/** picks projects by weight: a few busy ones, a long quiet tail */
function projectPicker(projects: readonly DemoProject[]): (rng: Rng) => DemoProject {
  const cumulative: number[] = [];
  let sum = 0;
  for (const p of projects) cumulative.push((sum += p.weight));
  return (rng) => {
    const r = rng.next() * sum;
    let i = 0;
    while (i < cumulative.length - 1 && cumulative[i]! < r) i++;
    return projects[i]!;
  };
}

interface Parent {
  id: string;
  project: DemoProject;
  threadTs: string;
}

/**
 * Tasks over the last 120 days with their sessions, oldest first. The newest few are still
 * running, queued or pending; a few percent are subtasks of a recent planner task.
 */
export function writeTasks(world: DemoWorld): void {
  const rng = streamOf(world, 'tasks');
  const total = taskCount(world.scale);
  const live = Math.min(40, 3 + Math.round(total / 20_000));
  const timeline = new Timeline(rng, world.now - 30 * 60_000, 120, total - live);
  const insert = prepareInsert(world.sqlite, 'tasks', TASK_COLUMNS);
  const writeSessions = sessionWriter(world, streamOf(world, 'sessions'));
  const pickProject = projectPicker(world.projects);
  const people = requesters(world);
  const planners: Parent[] = [];

  inBatches(world.sqlite, total, 'tasks', world.progress, (i) => {
    const isLive = i >= total - live;
    // the live ones arrived in the last half hour, so some always fall on today
    const created = isLive ? world.now - Math.round(((total - i) / live) * 30 * 60_000) : timeline.next();
    const parent = planners.length > 0 && rng.chance(0.03) ? rng.pick(planners) : null;
    const project = parent?.project ?? pickProject(rng);
    const bot = parent ? rng.weighted(['coder', 'reviewer'] as const, [80, 20]) : rng.weighted(BOTS, BOT_WEIGHTS);
    const command = rng.pick(BOT_COMMANDS[bot]);
    const model = rng.chance(0.85) ? project.model : rng.pick(MODELS);
    // the newest walk through the live statuses and the oldest through the finished ones, so each is present
    let status: string = isLive ? LIVE[(total - 1 - i) % LIVE.length]! : i < FINISHED.length ? FINISHED[i]! : rng.weighted(FINISHED, [84, 10, 6]);
    const ran = status !== 'pending' && status !== 'queued';
    // a task stopped midway used only part of what a whole run would
    const part = status === 'running' || status === 'cancelled' ? rng.next() : 1;
    const inputTokens = ran ? Math.round(rng.logNormal(60_000, 1.1) * part) : 0;
    const outputTokens = ran ? Math.round(rng.logNormal(6_000, 1) * part) : 0;
    const cost = costOf(model, inputTokens, outputTokens);
    if (status === 'completed' && cost > project.budget && rng.chance(0.6)) status = 'failed';
    const durationMs = Math.round(rng.logNormal(4 * 60_000, 1));
    const completedAt = status === 'completed' || status === 'failed' ? Math.min(created + durationMs, world.now) : null;
    const cancelledAt = status === 'cancelled' ? Math.min(created + rng.int(5_000, 600_000), world.now) : null;
    const fileCount = status === 'completed' && bot === 'coder' ? rng.int(1, 8) : status === 'failed' && bot === 'coder' ? rng.int(0, 3) : 0;
    const commandCount = !ran ? 0 : bot === 'coder' || bot === 'ops' ? rng.int(1, 6) : rng.int(0, 2);
    const id = `task_${rng.nanoid()}`;
    const threadTs = parent?.threadTs ?? slackTs(created, rng);
    // sessions first, so the task can name its last one (foreign keys are checked once at the end)
    const sessionId = writeSessions({ id, status, agentId: project.agentId, model, inputTokens, outputTokens, startedAt: created, durationMs });
    insert({
      id,
      project_id: project.id,
      bot_name: bot,
      command,
      prompt: taskPrompt(rng, command),
      status,
      result: status === 'completed' ? taskResult(rng, command, fileCount, commandCount) : null,
      error_message: status === 'failed' ? (cost > project.budget ? BUDGET_ERROR : rng.pick(OTHER_ERRORS)) : null,
      slack_channel_id: project.channel,
      slack_thread_ts: threadTs,
      slack_user_id: rng.pick(people).slackId,
      slack_message_ts: rng.chance(0.9) ? slackTs(created, rng) : null,
      session_id: sessionId,
      parent_task_id: parent?.id ?? null,
      input_tokens: inputTokens,
      output_tokens: outputTokens,
      estimated_cost: cost,
      max_budget: project.budget,
      files_changed: JSON.stringify(files(rng, fileCount)),
      commands_run: JSON.stringify(commandsRun(rng, commandCount)),
      created_at: iso(created),
      updated_at: iso(completedAt ?? cancelledAt ?? created),
      completed_at: completedAt === null ? null : iso(completedAt),
    });
    if (cancelledAt !== null && rng.chance(0.7)) {
      const previousStatus = sessionId ? 'running' : rng.pick(['pending', 'queued']);
      world.audit.push({ action: 'task:cancelled', userId: rng.pick(people).slackId, resourceType: 'task', resourceId: id, metadata: { previousStatus }, at: cancelledAt });
    }
    if (bot === 'planner' && !parent) {
      planners.push({ id, project, threadTs });
      if (planners.length > 32) planners.shift();
    }
  });
}
