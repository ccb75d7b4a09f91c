import { inBatches, prepareInsert } from './bulk.js';
import type { Rng } from './prng.js';
import { DAY } from './timeline.js';
import { AGENTS } from './words.js';
import { adminSlackId, iso, streamOf, type DemoWorld } from './world.js';

const KEY_COLUMNS = ['id', 'key', 'agent_id', 'created_at', 'expires_at', 'last_used_at', 'revoked'] as const;
const QUEUE_COLUMNS = ['agent_id', 'message_type', 'payload', 'created_at', 'expires_at', 'delivered', 'delivered_at'] as const;
const MESSAGE_TYPES = ['task:execute', 'task:cancel', 'task:status', 'agent:config-update', 'project:sync'] as const;

/** every state a key can be in, so each agent shows the console's whole key lifecycle */
const KEY_STATES = ['active-used', 'active-never-used', 'active-expiring', 'expired', 'revoked'] as const;

const seconds = (ms: number): number => Math.floor(ms / 1000);

/** api keys for every agent in every state; times in Unix SECONDS as the service writes them */
export function writeApiKeys(world: DemoWorld): void {
  const rng = streamOf(world, 'api_keys');
  const insert = prepareInsert(world.sqlite, 'api_keys', KEY_COLUMNS);
  let total = 0;
  world.sqlite.transaction(() => {
    for (const agent of AGENTS) {
      for (const state of KEY_STATES) {
        if (state !== 'active-used' && agent !== AGENTS[0] && rng.chance(0.3)) continue;
        const created = world.now - rng.int(1, 200) * DAY - rng.int(0, DAY);
        const id = `ak_${rng.nanoid()}`;
        const expires =
          state === 'expired' ? world.now - rng.int(1, 30) * DAY : state === 'active-expiring' ? world.now + rng.int(1, 90) * DAY : rng.chance(0.5) ? world.now + rng.int(30, 365) * DAY : null;
        const lastUsed = state === 'active-never-used' ? null : state === 'active-used' ? world.now - rng.int(5, 3600) * 1000 : Math.min(world.now, created + rng.int(0, 20) * DAY);
        insert({
          id,
          key: `bm_${rng.hex(64)}`,
          agent_id: agent,
          created_at: seconds(created),
          expires_at: expires === null ? null : seconds(Math.max(expires, created + DAY)),
          last_used_at: lastUsed === null ? null : seconds(Math.max(lastUsed, created)),
          revoked: state === 'revoked' ? 1 : 0,
        });
        world.audit.push({ action: 'api-key:generated', userId: adminSlackId(world, rng), resourceType: 'api_key', resourceId: id, metadata: { agentId: agent }, at: created });
        if (state === 'revoked') {
          world.audit.push({
            action: 'api-key:revoked',
            userId: adminSlackId(world, rng),
            resourceType: 'api_key',
            resourceId: id,
            metadata: { agentId: agent, reason: rng.pick(['rotation', 'laptop lost', 'agent retired']) },
            at: Math.min(world.now, created + rng.int(1, 60) * DAY),
          });
        }
        total++;
      }
    }
  })();
  world.progress(total, total, 'api_keys');
}

export const queueCount = (scale: number): number => Math.max(30, Math.round(500 * scale));

/** messages for agents that were offline: mostly delivered, the newest pending, some expired unread */
export function writeOfflineQueue(world: DemoWorld): void {
  const rng = streamOf(world, 'offline_queue');
  const insert = prepareInsert(world.sqlite, 'offline_queue', QUEUE_COLUMNS);
  const total = queueCount(world.scale);
  const span = 14 * DAY;
  inBatches(world.sqlite, total, 'offline_queue', world.progress, (i) => {
    const created = world.now - span + Math.round(((i + rng.next()) / total) * span);
    const ttl = rng.pick([1, 6, 24]) * 3_600_000;
    const expired = created + ttl < world.now;
    const delivered = (expired ? rng.chance(0.8) : rng.chance(0.3)) && i !== total - 1;
    insert({
      agent_id: rng.pick(AGENTS),
      message_type: rng.pick(MESSAGE_TYPES),
      payload: JSON.stringify(payload(rng)),
      created_at: iso(created),
      expires_at: iso(created + ttl),
      delivered: delivered ? 1 : 0,
      delivered_at: delivered ? iso(Math.min(world.now, created + rng.int(1, 600) * 1000)) : null,
    });
  });
}

function payload(rng: Rng): Record<string, unknown> {
  return { taskId: `task_${rng.nanoid()}`, attempt: rng.int(1, 3), priority: rng.pick(['normal', 'high']) };
}
