import type { Rng } from './prng.js';
import * as W from './words.js';

export type Bot = 'coder' | 'reviewer' | 'ops' | 'planner';
export const BOTS: readonly Bot[] = ['coder', 'reviewer', 'ops', 'planner'];
export const BOT_WEIGHTS: readonly number[] = [60, 18, 12, 10];

/** each bot's commands, as the Slack bot dispatches them */
export const BOT_COMMANDS: Record<Bot, readonly string[]> = {
  coder: ['fix', 'feature', 'refactor', 'test', 'implement'],
  reviewer: ['review', 'audit', 'explain'],
  ops: ['deploy', 'logs', 'restart', 'status', 'rollback'],
  planner: ['plan', 'breakdown', 'estimate'],
};

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** one prompt per command, as a user would type it in Slack */
export function taskPrompt(rng: Rng, command: string): string {
  const area = rng.pick(W.AREAS);
  switch (command) {
    case 'fix':
      return `Fix the ${area} bug: it ${rng.pick(W.SYMPTOMS)}. ${cap(rng.pick(W.QUALITIES))}.`;
    case 'feature':
    case 'implement':
      return `Add ${rng.pick(W.FEATURES)} to ${area} ${rng.pick(W.QUALITIES)}.`;
    case 'refactor':
      return `Refactor ${rng.pick(W.MODULES)} so that ${area} no longer ${rng.pick(W.SYMPTOMS)}.`;
    case 'test':
      return `Write tests for ${area} in ${rng.pick(W.MODULES)}; cover the case where it ${rng.pick(W.SYMPTOMS)}.`;
    case 'review':
      return `Review PR #${rng.int(100, 4999)} (${rng.pick(W.FEATURES)} for ${area}) and point out risks.`;
    case 'audit':
      return `Audit ${rng.pick(W.MODULES)} for security issues around ${area}.`;
    case 'explain':
      return `Explain how ${area} works in ${rng.pick(W.MODULES)}, for a new teammate.`;
    case 'deploy':
      return `Deploy the ${rng.pick(W.SERVICES)} to ${rng.pick(W.ENVIRONMENTS)} and run the smoke tests.`;
    case 'rollback':
      return `Roll back the last ${rng.pick(W.SERVICES)} release on ${rng.pick(W.ENVIRONMENTS)}: ${area} ${rng.pick(W.SYMPTOMS)}.`;
    case 'logs':
      return `Check the ${rng.pick(W.SERVICES)} logs on ${rng.pick(W.ENVIRONMENTS)} for errors in ${area} since yesterday.`;
    case 'restart':
      return `Restart the ${rng.pick(W.SERVICES)} on ${rng.pick(W.ENVIRONMENTS)}; it ${rng.pick(W.SYMPTOMS)}.`;
    case 'status':
      return `What is the status of the ${rng.pick(W.SERVICES)} on ${rng.pick(W.ENVIRONMENTS)}?`;
    case 'estimate':
      return `Estimate the work to add ${rng.pick(W.FEATURES)} to ${area}.`;
    default:
      return `Plan ${rng.pick(W.FEATURES)} for ${area} ${rng.pick(W.QUALITIES)}; split it into subtasks.`;
  }
}

export function taskResult(rng: Rng, command: string, files: number, commands: number): string {
  const tail = commands > 0 ? ` Ran ${commands} command${commands === 1 ? '' : 's'}; all checks pass.` : '';
  switch (command) {
    case 'review':
    case 'audit':
      return `Found ${rng.int(0, 9)} issues (${rng.int(0, 3)} blocking). The main risk: ${rng.pick(W.AREAS)} ${rng.pick(W.SYMPTOMS)}.`;
    case 'deploy':
    case 'rollback':
    case 'restart':
    case 'status':
    case 'logs':
      return `Done on ${rng.pick(W.ENVIRONMENTS)}: ${rng.int(1, 6)} instances healthy, p95 ${rng.int(40, 900)} ms, ${rng.int(0, 40)} errors in the last hour.`;
    case 'plan':
    case 'breakdown':
    case 'estimate':
      return `Plan: ${rng.int(2, 7)} steps, about ${rng.int(1, 15)} days. First step: ${rng.pick(W.FEATURES)} in ${rng.pick(W.MODULES)}.`;
    default:
      return `Changed ${files} file${files === 1 ? '' : 's'} in ${rng.pick(W.MODULES)}.${tail}`;
  }
}

export function filePath(rng: Rng): string {
  return rng.chance(0.08) ? rng.pick(W.ROOT_FILES) : `${rng.pick(W.MODULES)}/${rng.pick(W.FILE_NAMES)}`;
}

export function files(rng: Rng, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(filePath(rng));
  return out;
}

export function commandsRun(rng: Rng, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(rng.pick(W.COMMANDS_RUN));
  return out;
}

export type Category = 'feature' | 'bugfix' | 'refactor' | 'documentation' | 'research';
export const CATEGORIES: readonly Category[] = ['feature', 'bugfix', 'refactor', 'documentation', 'research'];

/** a prompt_history prompt of a category */
export function loggedPrompt(rng: Rng, category: Category | null): string {
  const area = rng.pick(W.AREAS);
  switch (category) {
    case 'feature':
      return `Add ${rng.pick(W.FEATURES)} to ${area}`;
    case 'bugfix':
      return `Fix ${area}: it ${rng.pick(W.SYMPTOMS)}`;
    case 'refactor':
      return `Refactor ${rng.pick(W.MODULES)} (${area}) ${rng.pick(W.QUALITIES)}`;
    case 'documentation':
      return `Document ${area} in ${rng.pick(W.ROOT_FILES)}`;
    case 'research':
      return `Find out why ${area} ${rng.pick(W.SYMPTOMS)}`;
    default:
      return `${cap(rng.pick(W.FEATURES))} for ${area}?`;
  }
}

export function executionNotes(rng: Rng, status: string): string | null {
  if (status === 'completed') return `Done in ${rng.pick(W.MODULES)}; ${rng.int(1, 12)} files touched, tests green.`;
  if (status === 'failed') return rng.pick(W.ERRORS);
  if (status === 'cancelled') return rng.chance(0.5) ? 'No longer needed' : 'Superseded by a newer prompt';
  return null;
}
