import type Database from 'better-sqlite3';
import { Rng } from './prng.js';
import type { Progress } from './bulk.js';

export interface DemoProject {
  readonly id: string;
  readonly name: string;
  readonly channel: string;
  readonly agentId: string;
  readonly model: string;
  readonly budget: number;
  readonly active: boolean;
  readonly isNetsuite: boolean;
  /** how many tasks it gets relative to the others */
  readonly weight: number;
  readonly createdAt: number;
}

export interface DemoUser {
  readonly id: string;
  readonly slackId: string;
  readonly name: string;
  readonly role: 'admin' | 'developer' | 'viewer';
  readonly active: boolean;
  readonly createdAt: number;
}

/** an audit event collected while generating, written last in time order (ids rise with time) */
export interface AuditEntry {
  readonly action: string;
  readonly userId: string | null;
  readonly resourceType: string;
  readonly resourceId: string | null;
  readonly metadata: Record<string, unknown>;
  readonly at: number;
}

/** What every table generator shares: the file, the clock, the seed and the rows others refer to. */
export interface DemoWorld {
  readonly sqlite: Database.Database;
  readonly seed: number;
  readonly scale: number;
  /** ms; every generated time is at or before it, except future schedules and expiries */
  readonly now: number;
  readonly progress: Progress;
  projects: DemoProject[];
  users: DemoUser[];
  readonly audit: AuditEntry[];
}

/** one independent random stream per table, so a change to one table leaves the others alone */
export const streamOf = (world: DemoWorld, name: string): Rng => new Rng(world.seed, name);

export const iso = (ms: number): string => new Date(ms).toISOString();

/** slack ids look like `U04ABCD1234` */
export const slackId = (rng: Rng, prefix: string): string => prefix + rng.chars('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 10);

/** the Slack id of an admin, who does what the audit log records */
export function adminSlackId(world: DemoWorld, rng: Rng): string | null {
  const admins = world.users.filter((u) => u.role === 'admin' && u.active);
  return admins.length > 0 ? rng.pick(admins).slackId : null;
}

/** users who talk to the bot: active admins and developers, plus the odd viewer */
export function requesters(world: DemoWorld): DemoUser[] {
  const found = world.users.filter((u) => u.active && u.role !== 'viewer');
  return found.length > 0 ? found : world.users;
}
