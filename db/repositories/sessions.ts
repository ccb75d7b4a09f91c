import { asc, eq } from 'drizzle-orm';
import { BaseRepository } from './base.js';
import { withDefaults, assertWritable } from '../tables.js';
import { nowIso } from '../time.js';
import type { SessionInsert, SessionRow } from '../types.js';
import { newId, found } from './rows.js';

export type NewSession = Omit<SessionInsert, 'id' | 'createdAt'> & { id?: string };

export interface SessionMetrics {
  inputTokens: number;
  outputTokens: number;
  estimatedCost: number;
  durationMs: number;
}

export class SessionRepository extends BaseRepository {
  create(data: NewSession): SessionRow {
    const t = this.tables.sessions;
    const values: SessionInsert = { ...data, id: data.id ?? newId('sess'), status: data.status ?? 'active', createdAt: nowIso() };
    assertWritable(t, values);
    return withDefaults(t, this.db.insert(t.table).values(values).returning().get());
  }

  findById(id: string): SessionRow | undefined {
    const t = this.tables.sessions;
    if (!t.exists) return undefined;
    const row = this.db.select().from(t.table).where(eq(t.table.id, id)).get();
    return row && withDefaults(t, row);
  }

  /** A task's sessions, oldest first. */
  findByTaskId(taskId: string): SessionRow[] {
    const t = this.tables.sessions;
    if (!t.exists) return [];
    const rows = this.db.select().from(t.table).where(eq(t.table.taskId, taskId)).orderBy(asc(t.table.createdAt), asc(t.table.id)).all();
    return rows.map((r) => withDefaults(t, r));
  }

  complete(id: string, metrics: SessionMetrics): SessionRow {
    const t = this.tables.sessions;
    const set = { ...metrics, status: 'completed', completedAt: nowIso() };
    assertWritable(t, set);
    const row = this.db.update(t.table).set(set).where(eq(t.table.id, id)).returning().get();
    return withDefaults(t, found(row, 'session', id));
  }
}
