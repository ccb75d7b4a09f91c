import { asc, and, count, eq } from 'drizzle-orm';
import { BaseRepository } from './base.js';
import { withDefaults, assertWritable } from '../tables.js';
import { nowIso } from '../time.js';
import { parseStringArray, type Parsed } from '../json.js';
import { ValidationError } from '../errors.js';
import { ROLES, type Role } from '../operator.js';
import type { UserInsert, UserRow, UserProjectPermissionRow } from '../types.js';
import { newId, found, DEFAULT_ROLE } from './rows.js';

export type NewUser = Omit<UserInsert, 'id' | 'createdAt' | 'updatedAt'> & { id?: string };

/** A user_project_permissions row with its JSON string array read (malformed JSON kept raw). */
export type ProjectPermission = UserProjectPermissionRow & { readonly parsedPermissions: Parsed<string[]> };

export function assertRole(role: string): asserts role is Role {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new ValidationError(`role must be one of ${ROLES.join(', ')}, not "${role}"`);
  }
}

export class UserRepository extends BaseRepository {
  create(data: NewUser): UserRow {
    const t = this.tables.users;
    const now = nowIso();
    const role = data.role ?? DEFAULT_ROLE;
    assertRole(role);
    const values: UserInsert = { ...data, id: data.id ?? newId('user'), role, active: data.active ?? true, createdAt: now, updatedAt: now };
    assertWritable(t, values);
    return withDefaults(t, this.db.insert(t.table).values(values).returning().get());
  }

  findById(id: string): UserRow | undefined {
    return this.findOne('id', id);
  }

  findBySlackUserId(slackUserId: string): UserRow | undefined {
    return this.findOne('slackUserId', slackUserId);
  }

  /** By slack_user_id: an existing user gets the new name only, so a Slack event never changes a role. */
  upsert(data: NewUser): UserRow {
    const existing = this.findBySlackUserId(data.slackUserId);
    if (!existing) return this.create(data);
    return this.patch(existing.id, { slackUsername: data.slackUsername });
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
    if (!t.exists) return [];
    return this.db.select().from(t.table).orderBy(asc(t.table.slackUsername), asc(t.table.id)).all().map((r) => withDefaults(t, r));
  }

  /** The last active admin must stay one (the console's own rule). */
  countActiveAdmins(): number {
    const t = this.tables.users;
    if (!t.exists) return 0;
    return this.db.select({ n: count() }).from(t.table).where(and(eq(t.table.role, 'admin'), eq(t.table.active, true))).get()?.n ?? 0;
  }

  findPermissions(userId: string): ProjectPermission[] {
    const t = this.tables.userProjectPermissions;
    if (!t.exists) return [];
    const rows = this.db.select().from(t.table).where(eq(t.table.userId, userId)).orderBy(asc(t.table.projectId), asc(t.table.id)).all();
    return rows.map((r) => {
      const row = withDefaults(t, r);
      return { ...row, parsedPermissions: parseStringArray(row.permissions) };
    });
  }

  private patch(id: string, set: Partial<UserInsert>): UserRow {
    const t = this.tables.users;
    const values = { ...set, updatedAt: nowIso() };
    assertWritable(t, values);
    const row = this.db.update(t.table).set(values).where(eq(t.table.id, id)).returning().get();
    return withDefaults(t, found(row, 'user', id));
  }

  private findOne(column: 'id' | 'slackUserId', value: string): UserRow | undefined {
    const t = this.tables.users;
    if (!t.exists) return undefined;
    const row = this.db.select().from(t.table).where(eq(t.table[column], value)).get();
    return row && withDefaults(t, row);
  }
}
