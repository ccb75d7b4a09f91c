import type { DB } from '../../db/connection.js';
import { taskListSource, type TaskListItem } from '../../db/views/tasks.js';
import type { ListSource } from '../../db/views/keyset.js';
import { listField, type ParsedFilter } from '../../src/hooks/filter-query.js';

/** The words the tasks filter understands besides free text (prompt contains). */
export const TASK_FILTER_FIELDS = ['status', 'project', 'bot', 'user'] as const;

export const taskSource = (db: DB, f: ParsedFilter): ListSource<TaskListItem> =>
  taskListSource(db, {
    status: listField(f.fields.status),
    project: f.fields.project,
    bot: f.fields.bot,
    user: f.fields.user,
    text: f.text || undefined,
  });
