import { describe, it, expect } from 'vitest';
import { updateProject, PROJECT_CACHE_NOTE } from '../../../db/actions/projects.js';
import { ConflictError, NotFoundError, PermissionError, ValidationError } from '../../../db/errors.js';
import { freshDatabase } from '../../helpers/temp-db.js';
import { seedProject } from '../repositories/seed.js';
import { auditRows, changes, operator, service, snapshot } from './harness.js';

function projects() {
  const conn = freshDatabase();
  const p = seedProject(conn.db, { name: 'api' });
  seedProject(conn.db, { name: 'web' });
  return { conn, p };
}

describe('updating a project', () => {
  it('changes the fields, writes project:updated with only the changed fields, touches nothing else', () => {
    const { conn, p } = projects();
    const before = snapshot(conn.sqlite);
    const row = updateProject(conn.db, operator(), p.id, { defaultMaxBudget: 20, autoCommitPush: true });
    expect(row).toMatchObject({ defaultMaxBudget: 20, autoCommitPush: true, name: 'api' });
    expect(changes(before, snapshot(conn.sqlite))).toEqual({ projects: 1, audit_logs: 1 });
    const [a] = auditRows(conn.sqlite);
    expect(a).toMatchObject({ action: 'project:updated', user_id: 'U_ADMIN', resource_type: 'project', resource_id: p.id });
    expect(JSON.parse(a!.metadata)).toEqual({
      before: { defaultMaxBudget: 5, autoCommitPush: false },
      after: { defaultMaxBudget: 20, autoCommitPush: true },
    });
  });

  it('refuses an empty patch, an empty name and a non-positive budget', () => {
    const { conn, p } = projects();
    expect(() => updateProject(conn.db, operator(), p.id, {})).toThrow(/nothing to change/);
    expect(() => updateProject(conn.db, operator(), p.id, { name: ' ' })).toThrow(ValidationError);
    expect(() => updateProject(conn.db, operator(), p.id, { defaultMaxBudget: 0 })).toThrow(/positive/);
    expect(auditRows(conn.sqlite)).toEqual([]);
  });

  it('is a conflict when the project changed since the operator saw it', () => {
    const { conn, p } = projects();
    service(conn)
      .prepare("UPDATE projects SET default_model = 'claude-opus-4', updated_at = ? WHERE id = ?")
      .run(new Date(Date.now() + 1000).toISOString(), p.id);
    const before = snapshot(conn.sqlite);
    expect(() => updateProject(conn.db, operator(), p.id, { active: false }, { updatedAt: p.updatedAt })).toThrow(ConflictError);
    expect(changes(before, snapshot(conn.sqlite))).toEqual({});
  });

  it('is NotFoundError for an unknown project', () => {
    const { conn } = projects();
    expect(() => updateProject(conn.db, operator(), 'proj_none', { active: false })).toThrow(NotFoundError);
  });

  it('is for admins only', () => {
    const { conn, p } = projects();
    expect(() => updateProject(conn.db, operator({ role: 'developer' }), p.id, { active: false })).toThrow(PermissionError);
    expect(() => updateProject(conn.db, operator({ readOnly: true }), p.id, { active: false })).toThrow(/read-only/);
    expect(auditRows(conn.sqlite)).toEqual([]);
  });

  it('has the 5-minute cache note to show after an edit', () => {
    expect(PROJECT_CACHE_NOTE).toMatch(/5 minutes/);
  });
});
