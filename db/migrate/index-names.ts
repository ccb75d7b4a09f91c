import { migrationStatements } from './push-schema.js';
import { satisfies, type IndexDef } from './index-defs.js';

/**
 * Index names the Bematic service itself creates: its boot DDL (CREATE INDEX IF NOT EXISTS by
 * name at every start) and its drizzle folder. migrate never drops one of these, even where the
 * console's committed migrations use the same name.
 */
export const SERVICE_INDEX_NAMES: ReadonlySet<string> = new Set([
  'scheduled_tasks_next_execution_idx',
  'scheduled_tasks_status_enabled_idx',
  'scheduled_tasks_project_id_idx',
  'scheduled_tasks_user_id_idx',
  'global_contexts_category_idx',
  'global_contexts_enabled_idx',
  'global_contexts_project_id_idx',
  'global_contexts_priority_idx',
  // its drizzle folder (unused in production, but a file may have met it)
  'offline_queue_agent_delivered_idx',
  'offline_queue_expires_at_idx',
  'projects_slack_channel_id_unique',
  'users_slack_user_id_unique',
  'tasks_status_idx',
  'tasks_project_id_idx',
  'tasks_thread_idx',
  'tasks_parent_task_id_idx',
  'tasks_created_at_idx',
  'archived_tasks_original_id_idx',
  'archived_tasks_archived_at_idx',
  'archived_tasks_reason_idx',
  'archived_tasks_project_id_idx',
]);

let consoleNames: Set<string> | undefined;

/** Every index name any committed console migration ever created, renamed ones included. */
export function consoleIndexNames(): ReadonlySet<string> {
  if (consoleNames) return consoleNames;
  consoleNames = new Set<string>();
  for (const stmt of migrationStatements()) {
    const name = /^\s*CREATE (?:UNIQUE )?INDEX (?:IF NOT EXISTS )?[`"]?([^`"\s(]+)/i.exec(stmt)?.[1];
    if (name) consoleNames.add(name);
  }
  return consoleNames;
}

/** An index migrate may drop when another does its work: the console made it, the service never does. */
export const isConsoleOwnIndex = (name: string): boolean => consoleIndexNames().has(name) && !SERVICE_INDEX_NAMES.has(name);

/** Indexes of one table over the same columns in the same order: each but one is built and written for nothing. */
export interface DuplicateIndexes {
  readonly table: string;
  readonly columns: readonly string[];
  readonly names: readonly string[];
  /** the ones migrate drops (console-made, and another in the set does their work) */
  readonly drop: readonly string[];
}

/**
 * Groups the file's indexes by table and column list. In each group the console's own indexes
 * are dropped while another index does their work: names no committed migration still creates
 * first, then the rest; the service's indexes and SQLite's automatic ones are always kept.
 */
export function findDuplicateIndexes(existing: readonly IndexDef[], referenceNames: ReadonlySet<string>): DuplicateIndexes[] {
  const groups = new Map<string, IndexDef[]>();
  for (const ix of existing) {
    const key = JSON.stringify([ix.table, ix.columns]);
    groups.set(key, [...(groups.get(key) ?? []), ix]);
  }
  const out: DuplicateIndexes[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const candidates = group.filter((ix) => ix.origin === 'c' && isConsoleOwnIndex(ix.name)).sort((a, b) => Number(referenceNames.has(a.name)) - Number(referenceNames.has(b.name)));
    const dropped = new Set<string>();
    for (const ix of candidates) {
      const kept = group.filter((o) => o !== ix && !dropped.has(o.name));
      if (kept.some((o) => satisfies(o, ix))) dropped.add(ix.name);
    }
    out.push({ table: group[0]!.table, columns: group[0]!.columns, names: group.map((g) => g.name).sort(), drop: [...dropped].sort() });
  }
  return out.sort((a, b) => (a.table === b.table ? a.columns.join().localeCompare(b.columns.join()) : a.table < b.table ? -1 : 1));
}
