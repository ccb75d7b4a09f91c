import { asc, eq } from 'drizzle-orm';
import { BaseRepository } from './base.js';
import { withDefaults, assertWritable } from '../tables.js';
import { nowIso } from '../time.js';
import { writeTransaction } from '../connection.js';
import type { NetSuiteConfigInsert, NetSuiteConfigRow } from '../types.js';
import { newId, found } from './rows.js';

export type NewNetSuiteConfig = Omit<NetSuiteConfigInsert, 'id' | 'createdAt' | 'updatedAt'> & { id?: string };
export type NetSuiteConfigPatch = Partial<Omit<NetSuiteConfigInsert, 'id' | 'createdAt' | 'updatedAt'>>;

/** The four OAuth fields: AES-256-GCM ciphertext that the console never decrypts. */
export const NETSUITE_CREDENTIAL_FIELDS = ['consumerKey', 'consumerSecret', 'tokenId', 'tokenSecret'] as const;

const CIPHERTEXT = /^([0-9a-f]{32}):([0-9a-f]{32}):([0-9a-f]+)$/i;

/** A credential for display, without its value: "encrypted (…c3f9)", or what is wrong with it. */
export function describeCredential(value: string | null | undefined): string {
  if (!value) return 'not set';
  const m = CIPHERTEXT.exec(value);
  if (m) return `encrypted (…${m[3]!.slice(-4).toLowerCase()})`;
  // Not ciphertext: it may be a plain secret, so show none of it.
  return `not in the encrypted format (${value.length} characters)`;
}

export class NetSuiteConfigRepository extends BaseRepository {
  /** Credentials are stored exactly as given (already encrypted by the service). */
  create(data: NewNetSuiteConfig): NetSuiteConfigRow {
    const t = this.tables.netsuiteConfigs;
    const now = nowIso();
    const values: NetSuiteConfigInsert = { ...data, id: data.id ?? newId('netsuite-config'), createdAt: now, updatedAt: now };
    assertWritable(t, values);
    return withDefaults(t, this.db.insert(t.table).values(values).returning().get());
  }

  findById(id: string): NetSuiteConfigRow | undefined {
    return this.findOne('id', id);
  }

  findByProjectId(projectId: string): NetSuiteConfigRow | undefined {
    return this.findOne('projectId', projectId);
  }

  findAll(): NetSuiteConfigRow[] {
    const t = this.tables.netsuiteConfigs;
    if (!t.exists) return [];
    return this.db.select().from(t.table).orderBy(asc(t.table.createdAt), asc(t.table.id)).all().map((r) => withDefaults(t, r));
  }

  update(id: string, patch: NetSuiteConfigPatch): NetSuiteConfigRow {
    return this.updateWhere('id', id, patch);
  }

  upsertByProjectId(projectId: string, data: Omit<NewNetSuiteConfig, 'projectId'>): NetSuiteConfigRow {
    return writeTransaction(this.db, () => {
      const existing = this.findByProjectId(projectId);
      if (!existing) return this.create({ ...data, projectId });
      const { id: _ignored, ...patch } = data;
      return this.updateWhere('id', existing.id, patch);
    });
  }

  delete(id: string): void {
    this.deleteWhere('id', id);
  }

  deleteByProjectId(projectId: string): void {
    this.deleteWhere('projectId', projectId);
  }

  private updateWhere(column: 'id' | 'projectId', value: string, patch: NetSuiteConfigPatch): NetSuiteConfigRow {
    const t = this.tables.netsuiteConfigs;
    const set = { ...patch, updatedAt: nowIso() };
    assertWritable(t, set);
    const row = this.db.update(t.table).set(set).where(eq(t.table[column], value)).returning().get();
    return withDefaults(t, found(row, 'netsuite config', value));
  }

  private deleteWhere(column: 'id' | 'projectId', value: string): void {
    const t = this.tables.netsuiteConfigs;
    assertWritable(t);
    const res = this.db.delete(t.table).where(eq(t.table[column], value)).run();
    if (res.changes === 0) found(undefined, column === 'id' ? 'netsuite config' : 'netsuite config of project', value);
  }

  private findOne(column: 'id' | 'projectId', value: string): NetSuiteConfigRow | undefined {
    const t = this.tables.netsuiteConfigs;
    if (!t.exists) return undefined;
    const row = this.db.select().from(t.table).where(eq(t.table[column], value)).get();
    return row && withDefaults(t, row);
  }
}
