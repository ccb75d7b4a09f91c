import React from 'react';
import { StateLine } from '../../components/StateLine.js';
import { PromptHistoryRepository } from '../../db/repositories/prompt-history.js';
import type { PromptFilters } from '../../db/repositories/prompt-history-query.js';
import { useServices } from '../../src/app/services.js';
import { useLive } from '../../src/app/live.js';
import { useQuery } from '../../src/hooks/use-query.js';
import { filtersKey } from './prompt-filters.js';
import { PromptStatsView } from './PromptStatsView.js';

/** the most used tags the statistics read; the view shows what fits */
const TOP_TAGS = 10;

/**
 * `s`: the statistics of what the filters select, read after the frame. Counts and durations come
 * first (from the rollups where they serve); the top tags, which read every match when filtered, after.
 */
export function PromptStats({ filters, width, height }: { filters: PromptFilters; width: number; height: number }) {
  const { db } = useServices();
  const { version } = useLive();
  const key = filtersKey(filters);
  const repo = new PromptHistoryRepository(db);
  // Each read carries its filters: numbers of the previous filters are never shown under the new ones.
  const stats = useQuery(() => ({ key, stats: repo.getStats(filters, { topTags: 0 }) }), key, version);
  const tags = useQuery(() => ({ key, counts: repo.tagCounts(filters, TOP_TAGS) }), key, version);
  if (stats.status === 'error') return <StateLine status="error" error={stats.error} />;
  if (stats.status !== 'ready' || stats.data.key !== key) return <StateLine status="loading" />;
  const topTags = tags.status === 'ready' && tags.data.key === key ? tags.data.counts : null;
  return <PromptStatsView stats={stats.data.stats} topTags={topTags} width={width} height={height} />;
}
