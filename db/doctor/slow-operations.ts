import { describeRows, type RowEstimate } from '../migrate/row-estimate.js';
import type { SlowOperation } from './report.js';

/** What the console does, and the schema index or search extra that keeps it off a full scan. */
export interface OperationNeed {
  readonly operation: string;
  readonly table: string;
  /** an index name of the schema, or an extra's name */
  readonly needs: string;
  /** what happens without it */
  readonly without: 'full scan' | 'sort' | 'LIKE scan';
}

export const OPERATION_NEEDS: readonly OperationNeed[] = [
  { operation: 'tasks newest first (Tasks screen)', table: 'tasks', needs: 'idx_tasks_created', without: 'sort' },
  { operation: 'tasks by status (Dashboard, Tasks filter)', table: 'tasks', needs: 'idx_tasks_status_created', without: 'full scan' },
  { operation: 'tokens and cost since a time (Dashboard)', table: 'tasks', needs: 'idx_tasks_usage', without: 'full scan' },
  { operation: 'tasks of a project', table: 'tasks', needs: 'idx_tasks_project_created', without: 'full scan' },
  { operation: 'subtasks of a task', table: 'tasks', needs: 'idx_tasks_parent', without: 'full scan' },
  { operation: 'sessions of a task', table: 'sessions', needs: 'idx_sessions_task', without: 'full scan' },
  { operation: 'sessions newest first (Sessions screen)', table: 'sessions', needs: 'idx_sessions_created', without: 'sort' },
  { operation: 'sessions by status (Sessions filter)', table: 'sessions', needs: 'idx_sessions_status_created', without: 'full scan' },
  { operation: 'audit log by action', table: 'audit_logs', needs: 'idx_audit_logs_action', without: 'full scan' },
  { operation: 'audit log by resource', table: 'audit_logs', needs: 'idx_audit_logs_resource', without: 'full scan' },
  { operation: 'due schedules', table: 'scheduled_tasks', needs: 'scheduled_tasks_next_execution_idx', without: 'full scan' },
  { operation: 'prompt statistics (history --stats)', table: 'prompt_history', needs: 'idx_prompt_history_stats', without: 'full scan' },
  { operation: 'prompts by week', table: 'prompt_history', needs: 'idx_prompt_history_timestamp', without: 'sort' },
  { operation: 'prompt search (history --search)', table: 'prompt_history', needs: 'prompt_history_fts', without: 'LIKE scan' },
  { operation: 'prompt tags (history --tag, --tags)', table: 'prompt_history', needs: 'prompt_history_tags', without: 'full scan' },
  { operation: 'task text search (Tasks filter)', table: 'tasks', needs: 'tasks_fts', without: 'LIKE scan' },
];

/**
 * The operations whose index or extra this file lacks, with the rows they will read instead.
 * `missing` holds the names migrate would add; `rowsOf` says how big each present table is.
 */
export function slowOperations(missing: ReadonlySet<string>, rowsOf: (table: string) => RowEstimate | null): SlowOperation[] {
  const out: SlowOperation[] = [];
  for (const need of OPERATION_NEEDS) {
    if (!missing.has(need.needs)) continue;
    const rows = rowsOf(need.table);
    if (!rows) continue; // the table itself is missing: the operation has nothing to read
    const n = describeRows(rows);
    const cost = need.without === 'sort' ? `reads and sorts all ${n}` : `${need.without} of ${n}`;
    out.push({ operation: need.operation, table: need.table, rows, cost, missing: need.needs });
  }
  return out;
}
