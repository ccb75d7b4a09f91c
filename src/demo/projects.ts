import { prepareInsert } from './bulk.js';
import { encryptCredential } from './netsuite.js';
import type { Rng } from './prng.js';
import { DAY } from './timeline.js';
import { AGENTS, FIRST_NAMES, MODELS, PROJECT_NAMES } from './words.js';
import { adminSlackId, iso, slackId, streamOf, type DemoProject, type DemoWorld } from './world.js';

const PROJECT_COLUMNS = [
  'id',
  'name',
  'slack_channel_id',
  'local_path',
  'agent_id',
  'default_model',
  'default_max_budget',
  'auto_commit_push',
  'railway_project_id',
  'railway_service_id',
  'railway_environment_id',
  'is_netsuite',
  'active',
  'created_at',
  'updated_at',
] as const;

const NETSUITE_COLUMNS = [
  'id',
  'project_id',
  'account_number',
  'production_url',
  'sandbox_url',
  'restlet_url',
  'consumer_key',
  'consumer_secret',
  'token_id',
  'token_secret',
  'created_at',
  'updated_at',
] as const;

const BUDGETS = [5, 5, 5, 5, 10, 2, 20, 1] as const;

export function projectCount(scale: number): number {
  return scale < 0.5 ? 12 : scale < 5 ? 20 : 28;
}

const uuid = (rng: Rng): string => `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-a${rng.hex(3)}-${rng.hex(12)}`;

/** projects (some agent `auto`, some auto-commit, NetSuite ones with their config), returning them for the others */
export function writeProjects(world: DemoWorld): DemoProject[] {
  const rng = streamOf(world, 'projects');
  const insert = prepareInsert(world.sqlite, 'projects', PROJECT_COLUMNS);
  const names = rng.sample(PROJECT_NAMES, projectCount(world.scale));
  const projects: DemoProject[] = [];
  world.sqlite.transaction(() => {
    names.forEach((name, i) => {
      const createdAt = world.now - rng.int(130, 420) * DAY - rng.int(0, DAY);
      const updatedAt = Math.min(world.now, createdAt + rng.int(0, 120) * DAY);
      const agentId = i === 1 || rng.chance(0.25) ? 'auto' : rng.pick(AGENTS);
      const model = rng.weighted(MODELS, [75, 18, 7]);
      const budget = rng.pick(BUDGETS);
      const railway = rng.chance(0.4);
      const isNetsuite = name.includes('netsuite') || name.includes('erp') || (i === 0 && !names.some((n) => n.includes('netsuite')));
      const active = i < 3 || rng.chance(0.85);
      const owner = rng.pick(FIRST_NAMES);
      const project: DemoProject = {
        id: `proj_${rng.nanoid()}`,
        name,
        channel: slackId(rng, 'C'),
        agentId,
        model,
        budget,
        active,
        isNetsuite,
        weight: active ? rng.logNormal(1, 0.9) : 0.05,
        createdAt,
      };
      insert({
        id: project.id,
        name,
        slack_channel_id: project.channel,
        local_path: rng.chance(0.5) ? `/Users/${owner}/code/${name}` : `/home/${owner}/src/${name}`,
        agent_id: agentId,
        default_model: model,
        default_max_budget: budget,
        auto_commit_push: i === 2 || rng.chance(0.3) ? 1 : 0,
        railway_project_id: railway ? uuid(rng) : null,
        railway_service_id: railway ? uuid(rng) : null,
        railway_environment_id: railway ? uuid(rng) : null,
        is_netsuite: isNetsuite ? 1 : 0,
        active: active ? 1 : 0,
        created_at: iso(createdAt),
        updated_at: iso(updatedAt),
      });
      if (updatedAt > createdAt) {
        world.audit.push({
          action: 'project:updated',
          userId: adminSlackId(world, rng),
          resourceType: 'project',
          resourceId: project.id,
          metadata: { changes: rng.sample(['defaultModel', 'defaultMaxBudget', 'autoCommitPush', 'agentId', 'active'], rng.int(1, 2)) },
          at: updatedAt,
        });
      }
      projects.push(project);
    });
    writeNetsuiteConfigs(
      world,
      rng,
      projects.filter((p) => p.isNetsuite),
    );
  })();
  world.progress(projects.length, projects.length, 'projects');
  return projects;
}

function writeNetsuiteConfigs(world: DemoWorld, rng: Rng, projects: DemoProject[]): void {
  const insert = prepareInsert(world.sqlite, 'netsuite_configs', NETSUITE_COLUMNS);
  for (const p of projects) {
    const account = rng.chance(0.3) ? `TSTDRV${rng.int(1000000, 9999999)}` : String(rng.int(1000000, 9999999));
    const host = account.toLowerCase().replace('_', '-');
    const createdAt = p.createdAt + rng.int(1, 20) * DAY;
    insert({
      id: `netsuite-config_${rng.nanoid()}`,
      project_id: p.id,
      account_number: account,
      production_url: `https://${host}.app.netsuite.com`,
      sandbox_url: rng.chance(0.6) ? `https://${host}-sb1.app.netsuite.com` : null,
      restlet_url: `https://${host}.restlets.api.netsuite.com/app/site/hosting/restlet.nl?script=${rng.int(100, 999)}&deploy=1`,
      consumer_key: encryptCredential(rng.hex(64), rng),
      consumer_secret: encryptCredential(rng.hex(64), rng),
      token_id: encryptCredential(rng.hex(64), rng),
      token_secret: encryptCredential(rng.hex(64), rng),
      created_at: iso(createdAt),
      updated_at: iso(Math.min(world.now, createdAt + rng.int(0, 60) * DAY)),
    });
  }
}
