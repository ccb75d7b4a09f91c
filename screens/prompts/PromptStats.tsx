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

/** `s`: the statistics of what the filters select, read after the frame (rollups when unfiltered). */
export function PromptStats({ filters, width, height }: { filters: PromptFilters; width: number; height: number }) {
  const { db } = useServices();
  const { version } = useLive();
  const stats = useQuery(() => new PromptHistoryRepository(db).getStats(filters, { topTags: TOP_TAGS }), filtersKey(filters), version);
  if (stats.status !== 'ready') return <StateLine status={stats.status} error={stats.status === 'error' ? stats.error : undefined} />;
  return <PromptStatsView stats={stats.data} width={width} height={height} />;
}
