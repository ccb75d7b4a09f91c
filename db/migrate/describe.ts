import type { MigrationMode, MigrationPlan } from './plan.js';

const MODES: Record<MigrationMode, string> = {
  new: 'a new database: the full schema will be created',
  adopt: 'made by the Bematic service (no migration journal): it will be adopted, never re-created',
  upgrade: 'already managed by migrate (it has a migration journal)',
};

export const describeMode = (mode: MigrationMode): string => MODES[mode];

/** The plan as numbered lines, then its warnings: what migrate prints before it changes anything. */
export function describePlan(plan: MigrationPlan): string[] {
  const n = plan.steps.length;
  const width = String(n).length;
  const lines = [`Plan: ${n} step${n === 1 ? '' : 's'}, each its own short transaction`];
  plan.steps.forEach((s, i) => lines.push(`  ${String(i + 1).padStart(width)}. ${s.description}`));
  if (plan.warnings.length) {
    lines.push('Warnings:');
    for (const w of plan.warnings) lines.push(`  ! ${w}`);
  }
  return lines;
}
