import type { DB } from '../../db/connection.js';
import { taskListSource, type TaskListItem } from '../../db/views/tasks.js';
import type { ListSource } from '../../db/views/keyset.js';
import type { SortAsk } from '../../db/views/sort.js';
import { taskTextIsQuick } from '../../db/search/task-text.js';
import { listField, parseFilter, type ParsedFilter } from '../../src/hooks/filter-query.js';

/** The words the tasks filter understands besides free text (in the prompt, result or error). */
export const TASK_FILTER_FIELDS = ['status', 'project', 'bot', 'user'] as const;

export const taskSource = (db: DB, f: ParsedFilter, sort?: SortAsk): ListSource<TaskListItem> =>
  taskListSource(
    db,
    {
      status: listField(f.fields.status),
      project: f.fields.project,
      bot: f.fields.bot,
      user: f.fields.user,
      text: f.text || undefined,
    },
    sort,
  );

/**
 * The Tasks filter applies as you type (each pause in typing) on a migrated file, when its text is
 * served by the tasks' full-text index (3 characters or more) or it has none (the field filters
 * use the tasks indexes). Anything else reads every task per pause, so it waits for Enter.
 */
export const taskFilterIsLive = (db: DB, draft: string): boolean => taskTextIsQuick(db.$client, parseFilter(draft, TASK_FILTER_FIELDS).text.trim());
