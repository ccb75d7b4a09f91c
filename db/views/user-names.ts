import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { DB } from '../connection.js';
import { shapedTables } from '../tables.js';
import { textOrNull } from '../cells.js';

/**
 * The Slack username (users.slack_username) of a row's Slack user id, for lists that show people
 * by name (issue 15): one seek per page row on users' UNIQUE slack_user_id (the service creates
 * it so), LIMIT 1 so a file whose users repeat an id still gives one row per list row. NULL when
 * no user has that id, or the file has no users table: the screen then shows the id itself.
 * The value is any cell: it goes through db/cells.ts (`text?`) like every other.
 */
export function userNameSql(db: DB, slackUserId: SQLiteColumn | SQL): SQL<unknown> {
  const u = shapedTables(db.$client).users;
  if (!u.exists || u.missing.has('slackUsername') || u.missing.has('slackUserId')) return sql<unknown>`NULL`;
  return sql<unknown>`(SELECT "slack_username" FROM "users" WHERE "users"."slack_user_id" = ${slackUserId} LIMIT 1)`;
}

/** A name as a sort key: the username, else the id itself (what the list shows), never NULL. */
export const userNameKey = (db: DB, slackUserId: SQLiteColumn | SQL): SQL => sql`coalesce(${userNameSql(db, slackUserId)}, ${slackUserId}, '')`;

/** One id's username for a detail view (the id alone shows when null). */
export function userNameOf(db: DB, slackUserId: string | null | undefined): string | null {
  if (slackUserId == null || slackUserId === '') return null;
  const row = db.get<{ name: unknown }>(sql`SELECT ${userNameSql(db, sql`${slackUserId}`)} AS name`);
  return textOrNull(row?.name);
}
