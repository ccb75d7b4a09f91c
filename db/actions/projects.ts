import type { DB } from '../connection.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Operator } from '../operator.js';
import { ProjectRepository, type ProjectPatch } from '../repositories/projects.js';
import type { ProjectRow } from '../types.js';
import { assertUnchanged, audit, pick, runAction } from './run.js';

/** To show after an edit (COMPAT.md). */
export const PROJECT_CACHE_NOTE = 'The cloud service caches projects for 5 minutes: it may use the old settings until then.';

function validate(patch: ProjectPatch): (keyof ProjectPatch)[] {
  const keys = (Object.keys(patch) as (keyof ProjectPatch)[]).filter((k) => patch[k] !== undefined);
  if (keys.length === 0) throw new ValidationError('nothing to change');
  for (const k of ['name', 'slackChannelId', 'localPath', 'agentId', 'defaultModel'] as const) {
    if (k in patch && patch[k] !== undefined && !String(patch[k]).trim()) throw new ValidationError(`${k} cannot be empty`);
  }
  const budget = patch.defaultMaxBudget;
  if (budget !== undefined && !(Number.isFinite(budget) && budget > 0)) throw new ValidationError('the default budget must be a positive number');
  return keys;
}

/**
 * Admin only; audited as `project:updated` with the changed fields before and after.
 * `expected` (e.g. the updatedAt the operator saw) turns a concurrent edit into a ConflictError.
 */
export function updateProject(db: DB, op: Operator, id: string, patch: ProjectPatch, expected?: Partial<ProjectRow>): ProjectRow {
  const keys = validate(patch);
  return runAction(db, op, 'change projects', (now) => {
    const projects = new ProjectRepository(db);
    const before = projects.findById(id);
    if (!before) throw new NotFoundError('project', id);
    assertUnchanged(`project ${before.name}`, before, expected);
    const after = projects.update(id, patch);
    audit(db, now, 'project:updated', 'project', id, { before: pick(before, keys), after: pick(after, keys) });
    return after;
  });
}
