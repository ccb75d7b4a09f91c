import { describe, it, expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import { NetSuiteConfigRepository, describeCredential, type NewNetSuiteConfig } from '../../../db/repositories/netsuite-configs.js';
import { ProjectRepository } from '../../../db/repositories/projects.js';
import { NotFoundError } from '../../../db/errors.js';
import { freshDatabase } from '../../helpers/temp-db.js';
import { seedProject } from './seed.js';

/** The service's ciphertext shape: ivHex:authTagHex:cipherHex. */
const cipher = (): string => `${randomBytes(16).toString('hex')}:${randomBytes(16).toString('hex')}:${randomBytes(20).toString('hex')}`;

const config = (projectId: string): NewNetSuiteConfig => ({
  projectId,
  accountNumber: '1234567',
  productionUrl: 'https://1234567.app.netsuite.com',
  restletUrl: 'https://1234567.restlets.api.netsuite.com/app/site/hosting/restlet.nl',
  consumerKey: cipher(),
  consumerSecret: cipher(),
  tokenId: cipher(),
  tokenSecret: cipher(),
});

describe('NetSuiteConfigRepository', () => {
  it('creates with a netsuite-config_ id and stores credentials exactly as given', () => {
    const { db, sqlite } = freshDatabase();
    const input = config(seedProject(db).id);
    const c = new NetSuiteConfigRepository(db).create(input);
    expect(c.id).toMatch(/^netsuite-config_[A-Za-z0-9_-]{21}$/);
    expect(sqlite.prepare('SELECT consumer_key, token_secret FROM netsuite_configs WHERE id = ?').get(c.id)).toEqual({
      consumer_key: input.consumerKey,
      token_secret: input.tokenSecret,
    });
    expect(c.sandboxUrl).toBeNull();
  });

  it('finds by id, by project and all', () => {
    const { db } = freshDatabase();
    const repo = new NetSuiteConfigRepository(db);
    const p1 = seedProject(db);
    const p2 = seedProject(db);
    const c1 = repo.create(config(p1.id));
    const c2 = repo.create(config(p2.id));
    expect(repo.findById(c1.id)).toEqual(c1);
    expect(repo.findById('netsuite-config_none')).toBeUndefined();
    expect(repo.findByProjectId(p2.id)?.id).toBe(c2.id);
    expect(repo.findByProjectId('proj_none')).toBeUndefined();
    expect(
      repo
        .findAll()
        .map((c) => c.id)
        .sort(),
    ).toEqual([c1.id, c2.id].sort());
  });

  it('update and upsertByProjectId change the one row; unknown ids are NotFoundError', () => {
    const { db } = freshDatabase();
    const repo = new NetSuiteConfigRepository(db);
    const p = seedProject(db);
    const c = repo.create(config(p.id));
    expect(repo.update(c.id, { sandboxUrl: 'https://sb' }).sandboxUrl).toBe('https://sb');
    const { projectId: _p, ...rest } = config(p.id);
    const up = repo.upsertByProjectId(p.id, { ...rest, accountNumber: '999' });
    expect(up).toMatchObject({ id: c.id, accountNumber: '999', sandboxUrl: 'https://sb' });
    const other = seedProject(db);
    const created = repo.upsertByProjectId(other.id, rest);
    expect(created.projectId).toBe(other.id);
    expect(repo.findAll()).toHaveLength(2);
    expect(() => repo.update('netsuite-config_none', { accountNumber: '1' })).toThrow(NotFoundError);
  });

  it('deletes by id and by project; a missing id is NotFoundError, a project without a config deletes nothing (as the service)', () => {
    const { db } = freshDatabase();
    const repo = new NetSuiteConfigRepository(db);
    const a = repo.create(config(seedProject(db).id));
    const b = repo.create(config(seedProject(db).id));
    repo.delete(a.id);
    repo.deleteByProjectId(b.projectId);
    expect(repo.findAll()).toEqual([]);
    expect(() => repo.delete(a.id)).toThrow(NotFoundError);
    expect(repo.deleteByProjectId(b.projectId)).toBe(0);
  });

  it('goes with its project (ON DELETE CASCADE)', () => {
    const { db } = freshDatabase();
    const p = seedProject(db);
    new NetSuiteConfigRepository(db).create(config(p.id));
    new ProjectRepository(db).delete(p.id);
    expect(new NetSuiteConfigRepository(db).findAll()).toEqual([]);
  });
});

describe('describing a credential without its value', () => {
  it('shows only the last four hex characters of ciphertext', () => {
    const value = `${'a'.repeat(32)}:${'b'.repeat(32)}:0123456789abc3f9`;
    expect(describeCredential(value)).toBe('encrypted (…c3f9)');
  });
  it('shows nothing of a value that is not ciphertext (it may be a plain secret)', () => {
    const d = describeCredential('plain-secret-value');
    expect(d).toBe('not in the encrypted format (18 characters)');
    expect(d).not.toContain('alue');
    expect(describeCredential('')).toBe('not set');
  });
});
