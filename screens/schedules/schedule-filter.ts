import type { DB } from '../../db/connection.js';
import { scheduleListSource, type ScheduleListItem } from '../../db/views/schedules.js';
import type { ListSource } from '../../db/views/keyset.js';
import type { SortAsk } from '../../db/views/sort.js';
import { listField, type ParsedFilter } from '../../src/hooks/filter-query.js';

/** The words the schedules filter understands; free text is looked for in the prompt. */
export const SCHEDULE_FILTER_FIELDS = ['status', 'owner', 'project', 'type'] as const;

export const scheduleSource = (db: DB, f: ParsedFilter, sort?: SortAsk): ListSource<ScheduleListItem> =>
  scheduleListSource(
    db,
    {
      status: listField(f.fields.status),
      owner: f.fields.owner,
      project: f.fields.project,
      type: f.fields.type,
      text: f.text || undefined,
    },
    sort,
  );
