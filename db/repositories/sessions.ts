import { asc, eq } from 'drizzle-orm';
import { BaseRepository } from './base.js';
import { nowIso } from '../time.js';
import type { SessionInsert, SessionRow } from '../types.js';
import { newId } from './rows.js';
import { selectFirst, selectMany, insertRow, updateOne } from './queries.js';
import { givenIso } from './fields.js';

/** The service's SessionInsert (the columns the spec has): id and createdAt (ISO) are made unless given. */
export type NewSession = Omit<SessionInsert, 'id' | 'createdAt'> & { id?: string; createdAt?: string };

export interface SessionMetrics {
  inputTokens: number;
  outputTokens: number;
  estimatedCost: number;
  durationMs: number;
}

export class SessionRepository extends BaseRepository {
  create(data: NewSession): SessionRow {
    const values: SessionInsert = { ...data, id: data.id ?? newId('sess'), status: data.status ?? 'active', createdAt: givenIso(data.createdAt, 'createdAt') ?? nowIso() };
    return insertRow(this.db, this.tables.sessions, values);
  }

  findById(id: string): SessionRow | undefined {
    const t = this.tables.sessions;
    return selectFirst(this.db, t, eq(t.table.id, id));
  }

  /** A task's sessions, oldest first. */
  findByTaskId(taskId: string): SessionRow[] {
    const t = this.tables.sessions;
    return selectMany(this.db, t, eq(t.table.taskId, taskId), { orderBy: [asc(t.table.createdAt), asc(t.table.id)] });
  }

  complete(id: string, metrics: SessionMetrics): SessionRow {
    const t = this.tables.sessions;
    const set = { ...metrics, status: 'completed', completedAt: nowIso() };
    return updateOne(this.db, t, set, eq(t.table.id, id), 'session', id);
  }
}
