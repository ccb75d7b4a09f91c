import { asc, and, count, eq } from 'drizzle-orm';
import { BaseRepository } from './base.js';
import { writeTransaction } from '../connection.js';
import { nowIso } from '../time.js';
import { parseStringArray, type Parsed } from '../json.js';
import { ValidationError } from '../errors.js';
import { ROLES, type Role } from '../operator.js';
import type { UserInsert, UserRow, UserProjectPermissionRow } from '../types.js';
import { newId, DEFAULT_ROLE } from './rows.js';
import { selectFirst, selectMany, insertRow, updateOne } from './queries.js';
import { givenIso } from './fields.js';

/** The service's UserInsert: id, createdAt and updatedAt (ISO) are made unless given. */
export type NewUser = Omit<UserInsert, 'id' | 'createdAt' | 'updatedAt'> & { id?: string; createdAt?: string; updatedAt?: string };

/** A user_project_permissions row with its JSON string array read (malformed JSON kept raw). */
export type ProjectPermission = UserProjectPermissionRow & { readonly parsedPermissions: Parsed<string[]> };

export function assertRole(role: string): asserts role is Role {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new ValidationError(`role must be one of ${ROLES.join(', ')}, not "${role}"`);
  }
}

export class UserRepository extends BaseRepository {
  create(data: NewUser): UserRow {
    const now = nowIso();
    const role = data.role ?? DEFAULT_ROLE;
    assertRole(role);
    const values: UserInsert = {
      ...data,
      id: data.id ?? newId('user'),
      role,
      active: data.active ?? true,
      createdAt: givenIso(data.createdAt, 'createdAt') ?? now,
      updatedAt: givenIso(data.updatedAt, 'updatedAt') ?? now,
    };
    return insertRow(this.db, this.tables.users, values);
  }

  findById(id: string): UserRow | undefined {
    const t = this.tables.users;
    return selectFirst(this.db, t, eq(t.table.id, id));
  }

  findBySlackUserId(slackUserId: string): UserRow | undefined {
    const t = this.tables.users;
    return selectFirst(this.db, t, eq(t.table.slackUserId, slackUserId));
  }

  /** By slack_user_id: an existing user gets the new name only, so a Slack event never changes a role. */
  upsert(data: NewUser): UserRow {
    return writeTransaction(this.db, () => {
      const existing = this.findBySlackUserId(data.slackUserId);
      if (!existing) return this.create(data);
      return this.patch(existing.id, { slackUsername: data.slackUsername });
    });
  }

  updateRole(id: string, role: string): UserRow {
    assertRole(role);
    return this.patch(id, { role });
  }

  setActive(id: string, active: boolean): UserRow {
    return this.patch(id, { active });
  }

  findAll(): UserRow[] {
    const t = this.tables.users;
    return selectMany(this.db, t, undefined, { orderBy: [asc(t.table.slackUsername), asc(t.table.id)] });
  }

  /** The last active admin must stay one (the console's own rule). */
  countActiveAdmins(): number {
    const t = this.tables.users;
    if (!t.exists) return 0;
    return (
      this.db
        .select({ n: count() })
        .from(t.table)
        .where(and(eq(t.table.role, 'admin'), eq(t.table.active, true)))
        .get()?.n ?? 0
    );
  }

  findPermissions(userId: string): ProjectPermission[] {
    const t = this.tables.userProjectPermissions;
    const rows = selectMany(this.db, t, eq(t.table.userId, userId), { orderBy: [asc(t.table.projectId), asc(t.table.id)] });
    return rows.map((row) => ({ ...row, parsedPermissions: parseStringArray(row.permissions) }));
  }

  private patch(id: string, set: Partial<UserInsert>): UserRow {
    const t = this.tables.users;
    return updateOne(this.db, t, { ...set, updatedAt: nowIso() }, eq(t.table.id, id), 'user', id);
  }
}
