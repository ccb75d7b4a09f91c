import { eq } from 'drizzle-orm';
import type { DB } from '../connection.js';
import { ValidationError } from '../errors.js';
import { ApiKeyRepository, apiKeyState, maskApiKey } from '../repositories/api-keys.js';
import { ProjectRepository, type ProjectPatch } from '../repositories/projects.js';
import { updateOne } from '../repositories/queries.js';
import { UserRepository, assertRole } from '../repositories/users.js';
import { shapedTables } from '../tables.js';
import { pick } from './run.js';
import { PROJECT_CACHE_NOTE } from './projects.js';
import { assertNotLastAdmin } from './users.js';
import { PURGED_KEY, type Readable, type UndoEntry } from './undo-entry.js';
import { changesOf, type Prepared } from './undo-plan.js';

const gone = (what: string): Readable<Prepared> => ({ ok: false, reason: `${what} no longer exists` });

/** A role change, a deactivation or a reactivation, taken back under the same admin-only rules. */
export function prepareUser(db: DB, entry: UndoEntry): Readable<Prepared> {
  const users = new UserRepository(db);
  const user = users.findById(entry.resourceId);
  if (!user) return gone(`user ${entry.resourceId}`);
  const target = `user ${user.slackUsername} (${user.slackUserId})`;
  const base = { target, current: user };
  if (entry.fields.includes('role')) {
    const role = String(entry.before.role);
    return {
      ok: true,
      value: {
        ...base,
        compare: ['role'],
        changes: changesOf(entry, ['role']),
        action: 'user:role-changed',
        permission: 'change roles',
        apply: () => {
          assertRole(role);
          if (role !== 'admin') assertNotLastAdmin(users, user, 'demoted');
          const after = users.updateRole(user.id, role);
          return { before: { role: user.role }, after: { role: after.role }, slackUserId: user.slackUserId };
        },
      },
    };
  }
  if (entry.fields.includes('active')) {
    const active = entry.before.active === true || entry.before.active === 1;
    return {
      ok: true,
      value: {
        ...base,
        compare: ['active'],
        changes: changesOf(entry, ['active']),
        action: active ? 'user:reactivated' : 'user:deactivated',
        permission: active ? 'reactivate users' : 'deactivate users',
        apply: () => {
          if (!active) assertNotLastAdmin(users, user, 'deactivated');
          const after = users.setActive(user.id, active);
          return { before: { active: user.active }, after: { active: after.active }, slackUserId: user.slackUserId };
        },
      },
    };
  }
  return { ok: false, reason: 'this entry changed no role or active flag' };
}

/**
 * A revocation is undone by clearing `revoked` (`api-key:unrevoked`: the service has no such
 * event); undoing that revokes again as `api-key:revoked`. A key the service purged is gone.
 */
export function prepareApiKey(db: DB, entry: UndoEntry): Readable<Prepared> {
  if (!entry.fields.includes('revoked')) return { ok: false, reason: 'this entry changed no revocation' };
  const key = new ApiKeyRepository(db).findById(entry.resourceId);
  if (!key) return { ok: false, reason: PURGED_KEY };
  const revoked = entry.before.revoked === true || entry.before.revoked === 1;
  const expired = !revoked && apiKeyState({ revoked: false, expiresAt: key.expiresAt }) === 'expired';
  return {
    ok: true,
    value: {
      target: `API key ${maskApiKey(key.key)} of agent ${key.agentId}`,
      current: key,
      compare: ['revoked'],
      changes: changesOf(entry, ['revoked']),
      action: revoked ? 'api-key:revoked' : 'api-key:unrevoked',
      permission: revoked ? 'revoke API keys' : 'restore revoked API keys',
      note: expired ? 'The key has expired meanwhile, so it stays invalid (and the service deletes expired keys).' : undefined,
      apply: () => {
        const t = shapedTables(db.$client).apiKeys;
        const after = updateOne(db, t, { revoked }, eq(t.table.id, key.id), 'api key', key.id);
        return { before: { revoked: key.revoked }, after: { revoked: after.revoked }, agentId: key.agentId, key: maskApiKey(key.key) };
      },
    },
  };
}

/** A project edit, taken back field by field (admin only, as the edit). */
export function prepareProject(db: DB, entry: UndoEntry): Readable<Prepared> {
  const projects = new ProjectRepository(db);
  const project = projects.findById(entry.resourceId);
  if (!project) return gone(`project ${entry.resourceId}`);
  const fields = entry.fields.filter((f) => f in project) as (keyof ProjectPatch & keyof typeof project)[];
  if (fields.length === 0) return { ok: false, reason: 'this entry changed no field this project has' };
  return {
    ok: true,
    value: {
      target: `project ${project.name}`,
      current: project,
      compare: fields,
      changes: changesOf(entry, fields),
      action: 'project:updated',
      permission: 'change projects',
      note: PROJECT_CACHE_NOTE,
      apply: () => {
        const patch = Object.fromEntries(fields.map((f) => [f, entry.before[f]])) as ProjectPatch;
        if (Object.keys(patch).length === 0) throw new ValidationError('nothing to restore');
        const after = projects.update(project.id, patch);
        return { before: pick(project, fields), after: pick(after, fields) };
      },
    },
  };
}
