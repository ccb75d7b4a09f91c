import { asc, count, eq } from 'drizzle-orm';
import { BaseRepository } from './base.js';
import { nowIso } from '../time.js';
import { ConflictError } from '../errors.js';
import type { ProjectInsert, ProjectRow } from '../types.js';
import { newId, DEFAULT_MODEL, DEFAULT_MAX_BUDGET } from './rows.js';
import { selectFirst, selectMany, insertRow, updateOne, deleteSome } from './queries.js';
import { givenIso } from './fields.js';

/** The service's ProjectInsert: id, createdAt and updatedAt (ISO) are made unless given. */
export type NewProject = Omit<ProjectInsert, 'id' | 'createdAt' | 'updatedAt'> & { id?: string; createdAt?: string; updatedAt?: string };
export type ProjectPatch = Partial<Omit<ProjectInsert, 'id' | 'createdAt' | 'updatedAt'>>;

export class ProjectRepository extends BaseRepository {
  create(data: NewProject): ProjectRow {
    const now = nowIso();
    const values: ProjectInsert = {
      ...data,
      id: data.id ?? newId('proj'),
      defaultModel: data.defaultModel ?? DEFAULT_MODEL,
      defaultMaxBudget: data.defaultMaxBudget ?? DEFAULT_MAX_BUDGET,
      createdAt: givenIso(data.createdAt, 'createdAt') ?? now,
      updatedAt: givenIso(data.updatedAt, 'updatedAt') ?? now,
    };
    return insertRow(this.db, this.tables.projects, values);
  }

  findById(id: string): ProjectRow | undefined {
    const t = this.tables.projects;
    return selectFirst(this.db, t, eq(t.table.id, id));
  }

  findByChannelId(slackChannelId: string): ProjectRow | undefined {
    const t = this.tables.projects;
    return selectFirst(this.db, t, eq(t.table.slackChannelId, slackChannelId));
  }

  findByAgentId(agentId: string): ProjectRow[] {
    const t = this.tables.projects;
    return selectMany(this.db, t, eq(t.table.agentId, agentId), { orderBy: [asc(t.table.name), asc(t.table.id)] });
  }

  findAll(): ProjectRow[] {
    const t = this.tables.projects;
    return selectMany(this.db, t, undefined, { orderBy: [asc(t.table.name), asc(t.table.id)] });
  }

  update(id: string, patch: ProjectPatch): ProjectRow {
    const t = this.tables.projects;
    return updateOne(this.db, t, { ...patch, updatedAt: nowIso() }, eq(t.table.id, id), 'project', id);
  }

  /** Refuses a project that still has tasks, whether or not the file enforces its foreign keys. */
  delete(id: string): void {
    const t = this.tables.projects;
    const tasks = this.countTasks(id);
    if (tasks > 0) throw new ConflictError(`project ${id} has ${tasks} tasks; it cannot be deleted while they exist (set it inactive instead)`);
    try {
      deleteSome(this.db, t, eq(t.table.id, id), 'project', id);
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw e;
      throw new ConflictError(`project ${id} is still referenced by tasks or schedules; it cannot be deleted (set it inactive instead)`, { cause: e });
    }
  }

  countTasks(projectId: string): number {
    const t = this.tables.tasks;
    if (!t.exists) return 0;
    return this.db.select({ n: count() }).from(t.table).where(eq(t.table.projectId, projectId)).get()?.n ?? 0;
  }
}
