import { asc, count, eq } from 'drizzle-orm';
import { BaseRepository } from './base.js';
import { withDefaults, assertWritable } from '../tables.js';
import { nowIso } from '../time.js';
import { ConflictError } from '../errors.js';
import type { ProjectInsert, ProjectRow } from '../types.js';
import { newId, found, DEFAULT_MODEL, DEFAULT_MAX_BUDGET } from './rows.js';

export type NewProject = Omit<ProjectInsert, 'id' | 'createdAt' | 'updatedAt'> & { id?: string };
export type ProjectPatch = Partial<Omit<ProjectInsert, 'id' | 'createdAt' | 'updatedAt'>>;

interface SqliteError {
  code?: string;
}

export class ProjectRepository extends BaseRepository {
  create(data: NewProject): ProjectRow {
    const t = this.tables.projects;
    const now = nowIso();
    const values: ProjectInsert = {
      ...data,
      id: data.id ?? newId('proj'),
      defaultModel: data.defaultModel ?? DEFAULT_MODEL,
      defaultMaxBudget: data.defaultMaxBudget ?? DEFAULT_MAX_BUDGET,
      createdAt: now,
      updatedAt: now,
    };
    assertWritable(t, values);
    return withDefaults(t, this.db.insert(t.table).values(values).returning().get());
  }

  findById(id: string): ProjectRow | undefined {
    return this.findOne('id', id);
  }

  findByChannelId(slackChannelId: string): ProjectRow | undefined {
    return this.findOne('slackChannelId', slackChannelId);
  }

  findByAgentId(agentId: string): ProjectRow[] {
    const t = this.tables.projects;
    if (!t.exists) return [];
    const rows = this.db.select().from(t.table).where(eq(t.table.agentId, agentId)).orderBy(asc(t.table.name)).all();
    return rows.map((r) => withDefaults(t, r));
  }

  findAll(): ProjectRow[] {
    const t = this.tables.projects;
    if (!t.exists) return [];
    return this.db.select().from(t.table).orderBy(asc(t.table.name)).all().map((r) => withDefaults(t, r));
  }

  update(id: string, patch: ProjectPatch): ProjectRow {
    const t = this.tables.projects;
    const set = { ...patch, updatedAt: nowIso() };
    assertWritable(t, set);
    const row = this.db.update(t.table).set(set).where(eq(t.table.id, id)).returning().get();
    return withDefaults(t, found(row, 'project', id));
  }

  /** Refuses a project that still has tasks, whether or not the file enforces its foreign keys. */
  delete(id: string): void {
    const t = this.tables.projects;
    assertWritable(t);
    const tasks = this.countTasks(id);
    if (tasks > 0) throw new ConflictError(`project ${id} has ${tasks} tasks; it cannot be deleted while they exist (set it inactive instead)`);
    try {
      const res = this.db.delete(t.table).where(eq(t.table.id, id)).run();
      if (res.changes === 0) found(undefined, 'project', id);
    } catch (e) {
      if ((e as SqliteError).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw e;
      throw new ConflictError(`project ${id} is still referenced by tasks or schedules; it cannot be deleted (set it inactive instead)`, { cause: e });
    }
  }

  countTasks(projectId: string): number {
    const t = this.tables.tasks;
    if (!t.exists) return 0;
    return this.db.select({ n: count() }).from(t.table).where(eq(t.table.projectId, projectId)).get()?.n ?? 0;
  }

  private findOne(column: 'id' | 'slackChannelId', value: string): ProjectRow | undefined {
    const t = this.tables.projects;
    if (!t.exists) return undefined;
    const row = this.db.select().from(t.table).where(eq(t.table[column], value)).get();
    return row && withDefaults(t, row);
  }
}
