import { prepareInsert } from './bulk.js';
import { DAY } from './timeline.js';
import { FIRST_NAMES } from './words.js';
import { iso, slackId, streamOf, type DemoUser, type DemoWorld } from './world.js';

const USER_COLUMNS = ['id', 'slack_user_id', 'slack_username', 'role', 'rate_limit_override', 'active', 'created_at', 'updated_at'] as const;
const PERMISSION_COLUMNS = ['user_id', 'project_id', 'permissions', 'created_at'] as const;

/** permission constants as the service's permission checks name them */
const PERMISSIONS = ['task:create', 'task:cancel', 'task:view', 'schedule:create', 'schedule:manage', 'project:view', 'project:configure', 'deploy'] as const;

export function userCount(scale: number): number {
  return scale < 0.5 ? 22 : scale < 5 ? 30 : 40;
}

/** users in every role: at least two admins, some inactive, some rate-limited */
export function writeUsers(world: DemoWorld): DemoUser[] {
  const rng = streamOf(world, 'users');
  const insertUser = prepareInsert(world.sqlite, 'users', USER_COLUMNS);
  const names = rng.sample(FIRST_NAMES, userCount(world.scale));
  const users: DemoUser[] = [];
  world.sqlite.transaction(() => {
    names.forEach((name, i) => {
      // the first few cover every case the Users screen shows, whatever the seed
      const role = i < 3 ? 'admin' : i === 3 ? 'viewer' : rng.weighted(['developer', 'viewer', 'admin'] as const, [70, 25, 5]);
      const active = i < 3 || (i !== 4 && rng.chance(0.85));
      const createdAt = world.now - rng.int(20, 400) * DAY - rng.int(0, DAY);
      const updatedAt = rng.chance(0.5) ? createdAt : Math.min(world.now, createdAt + rng.int(0, 200) * DAY);
      const user: DemoUser = { id: `user_${rng.nanoid()}`, slackId: slackId(rng, 'U'), name, role, active, createdAt };
      insertUser({
        id: user.id,
        slack_user_id: user.slackId,
        slack_username: rng.chance(0.3) ? `${name}.${rng.pick(['dev', 'ops', 'eng'])}` : name,
        role,
        rate_limit_override: i === 5 || rng.chance(0.2) ? rng.pick([10, 20, 50, 100]) : null,
        active: active ? 1 : 0,
        created_at: iso(createdAt),
        updated_at: iso(updatedAt),
      });
      users.push(user);
    });
  })();
  world.progress(users.length, users.length, 'users');
  return users;
}

/** developers and viewers get permissions on a few projects; admins need none */
export function writePermissions(world: DemoWorld): void {
  const rng = streamOf(world, 'permissions');
  const insert = prepareInsert(world.sqlite, 'user_project_permissions', PERMISSION_COLUMNS);
  let total = 0;
  world.sqlite.transaction(() => {
    for (const user of world.users) {
      if (user.role === 'admin') continue;
      for (const project of rng.sample(world.projects, rng.int(user.role === 'viewer' ? 0 : 1, 4))) {
        const granted = user.role === 'viewer' ? ['task:view', 'project:view'] : rng.sample(PERMISSIONS, rng.int(2, 6));
        const at = Math.max(user.createdAt, project.createdAt) + rng.int(0, 10) * DAY;
        insert({ user_id: user.id, project_id: project.id, permissions: JSON.stringify(granted), created_at: iso(Math.min(at, world.now)) });
        total++;
      }
    }
  })();
  world.progress(total, total, 'user_project_permissions');
}
