import { inBatches, prepareInsert } from './bulk.js';
import { DAY } from './timeline.js';
import { iso, streamOf, type DemoWorld } from './world.js';

const AUDIT_COLUMNS = ['action', 'user_id', 'resource_type', 'resource_id', 'metadata', 'timestamp'] as const;

/** the service's six-hourly key cleanup, which leaves a trace even when it deletes nothing */
function addCleanups(world: DemoWorld): void {
  const rng = streamOf(world, 'audit');
  for (let at = world.now - 120 * DAY + rng.int(0, DAY / 4); at < world.now; at += DAY / 4) {
    if (rng.chance(0.9)) continue; // most runs find nothing and the demo keeps a tenth of them
    world.audit.push({ action: 'api-key:cleanup', userId: null, resourceType: 'api_key', resourceId: null, metadata: { deleted: rng.int(0, 4) }, at });
  }
}

/** writes every event the other generators collected, oldest first, so ids rise with time */
export function writeAuditLogs(world: DemoWorld): void {
  addCleanups(world);
  const events = world.audit.slice().sort((a, b) => a.at - b.at);
  const insert = prepareInsert(world.sqlite, 'audit_logs', AUDIT_COLUMNS);
  inBatches(world.sqlite, events.length, 'audit_logs', world.progress, (i) => {
    const e = events[i]!;
    insert({
      action: e.action,
      user_id: e.userId,
      resource_type: e.resourceType,
      resource_id: e.resourceId,
      metadata: JSON.stringify(e.metadata),
      timestamp: iso(Math.min(e.at, world.now)),
    });
  });
}
