import { asc, eq } from 'drizzle-orm';
import { BaseRepository } from './base.js';
import { nowIso } from '../time.js';
import { writeTransaction } from '../connection.js';
import type { NetSuiteConfigInsert, NetSuiteConfigRow } from '../types.js';
import { newId } from './rows.js';
import { selectFirst, selectMany, insertRow, updateOne, deleteSome } from './queries.js';
import { givenIso } from './fields.js';

/** The service's NetSuiteConfigInsert: id, createdAt and updatedAt (ISO) are made unless given. */
export type NewNetSuiteConfig = Omit<NetSuiteConfigInsert, 'id' | 'createdAt' | 'updatedAt'> & { id?: string; createdAt?: string; updatedAt?: string };
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
    const now = nowIso();
    const values: NetSuiteConfigInsert = {
      ...data,
      id: data.id ?? newId('netsuite-config'),
      createdAt: givenIso(data.createdAt, 'createdAt') ?? now,
      updatedAt: givenIso(data.updatedAt, 'updatedAt') ?? now,
    };
    return insertRow(this.db, this.tables.netsuiteConfigs, values);
  }

  findById(id: string): NetSuiteConfigRow | undefined {
    const t = this.tables.netsuiteConfigs;
    return selectFirst(this.db, t, eq(t.table.id, id));
  }

  findByProjectId(projectId: string): NetSuiteConfigRow | undefined {
    const t = this.tables.netsuiteConfigs;
    return selectFirst(this.db, t, eq(t.table.projectId, projectId));
  }

  findAll(): NetSuiteConfigRow[] {
    const t = this.tables.netsuiteConfigs;
    return selectMany(this.db, t, undefined, { orderBy: [asc(t.table.createdAt), asc(t.table.id)] });
  }

  update(id: string, patch: NetSuiteConfigPatch): NetSuiteConfigRow {
    const t = this.tables.netsuiteConfigs;
    return updateOne(this.db, t, { ...patch, updatedAt: nowIso() }, eq(t.table.id, id), 'netsuite config', id);
  }

  upsertByProjectId(projectId: string, data: Omit<NewNetSuiteConfig, 'projectId'>): NetSuiteConfigRow {
    return writeTransaction(this.db, () => {
      const existing = this.findByProjectId(projectId);
      if (!existing) return this.create({ ...data, projectId });
      const { id: _ignored, ...patch } = data;
      return this.update(existing.id, patch);
    });
  }

  delete(id: string): void {
    const t = this.tables.netsuiteConfigs;
    deleteSome(this.db, t, eq(t.table.id, id), 'netsuite config', id);
  }

  /**
   * A project without a config is no error: nothing is deleted and 0 returned, as the service
   * does (NetSuiteService.deleteConfig calls it whether or not one exists). delete(id) still
   * throws NotFoundError for an id that is not there, as the service's does.
   */
  deleteByProjectId(projectId: string): number {
    const t = this.tables.netsuiteConfigs;
    if (!t.exists) return 0;
    return this.db.delete(t.table).where(eq(t.table.projectId, projectId)).run().changes;
  }
}
