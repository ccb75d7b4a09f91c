import React, { type ReactNode } from 'react';
import { Box, Text } from 'ink';
import { Sparkline } from '../../components/Sparkline.js';
import { StateLine } from '../../components/StateLine.js';
import { StaticTable, staticTableHeight, type TableColumn } from '../../components/StaticTable.js';
import { barText, deltaText } from '../../components/bar-text.js';
import { ToneText } from '../../components/theme/index.js';
import { formatCount } from '../../components/text/format.js';
import type { NamedCount, PromptStats } from '../../db/repositories/prompt-history-stats.js';

const SPARK_HEIGHT = 3;
/** an estimate off by half fills one side of the bar */
const DELTA_SPAN = 0.5;

const minutes = (n: number | null): string => (n === null ? '-' : `${n.toFixed(1)} min`);
const percent = (ratio: number): string => `${ratio >= 0 ? '+' : ''}${Math.round(ratio * 100)}%`;
/** a stored name (the table makes it inert); NULL is prompts without one */
const label = (name: string | null): string => (name === null ? '(none)' : name);

/** The most rows of `n` a table shows in `lines` lines (with its frame, and the line counting the rest when cut). */
const rowsFitting = (n: number, lines: number): number => (staticTableHeight(n) <= lines ? n : Math.max(1, lines - 5));

function Counts({ counts, title, width, maxRows }: { counts: readonly NamedCount<string | null>[]; title: string; width: number; maxRows?: number }) {
  const max = Math.max(0, ...counts.map((c) => c.count));
  const columns: TableColumn<NamedCount<string | null>>[] = [
    { title, text: (c) => label(c.name), min: 6 },
    { title: 'prompts', text: (c) => formatCount(c.count), align: 'right' },
    { title: 'share', text: (c, w) => barText(c.count, max, w), fill: true },
  ];
  return <StaticTable columns={columns} rows={counts} width={width} maxRows={maxRows} />;
}

function Weekly({ weeks, width }: { weeks: PromptStats['weekly']; width: number }) {
  const cell = Math.max(1, Math.min(4, Math.floor(width / weeks.length)));
  const last = weeks[weeks.length - 1];
  const first = weeks[0];
  const max = Math.max(0, ...weeks.map((w) => w.count));
  const span = cell * weeks.length;
  return (
    <>
      <Sparkline values={weeks.map((w) => w.count)} height={SPARK_HEIGHT} cellWidth={cell} />
      <ToneText tone="muted" wrap="truncate-end">
        {`${first?.weekStart ?? ''}`.padEnd(Math.max(11, span - 10)) + (last?.weekStart ?? '')}
      </ToneText>
      <Text wrap="truncate-end">{`this week ${formatCount(last?.count ?? 0)} · busiest ${formatCount(max)} · 12 weeks ${formatCount(weeks.reduce((n, w) => n + w.count, 0))}`}</Text>
    </>
  );
}

type Duration = PromptStats['durations'][number] & { readonly total: boolean };
const off = (d: Duration): number => (d.estimatedAverage > 0 ? (d.actualAverage - d.estimatedAverage) / d.estimatedAverage : 0);

const DURATION_COLUMNS: TableColumn<Duration>[] = [
  // the last entry is every category together; a null category before it is prompts without one
  { title: 'category', text: (d) => (d.total ? 'all' : label(d.category)), min: 6 },
  { title: 'est.', text: (d) => d.estimatedAverage.toFixed(1), align: 'right' },
  { title: 'actual', text: (d) => d.actualAverage.toFixed(1), align: 'right' },
  { title: 'off', text: (d) => percent(off(d)), align: 'right' },
  { title: 'under │ over', text: (d, w) => deltaText(off(d), DELTA_SPAN, Math.floor((w - 1) / 2)), fill: true, min: 5 },
];

function Durations({ durations, width }: { durations: PromptStats['durations']; width: number }) {
  const rows = durations.map((d, i) => ({ ...d, total: i === durations.length - 1 }));
  return <StaticTable columns={DURATION_COLUMNS} rows={rows} width={width} empty="no prompt has both an estimate and an actual duration" />;
}

/** A titled block that keeps its height: a short terminal cuts the column at the bottom, never squeezes lines together. */
function Section({ title, width, children }: { title: string; width: number; children: ReactNode }) {
  return (
    <Box flexDirection="column" width={width} marginBottom={1} flexShrink={0}>
      <ToneText tone="title" wrap="truncate-end">
        {title}
      </ToneText>
      {children}
    </Box>
  );
}

/** Lines a section takes: its title, its body, the blank line after it. */
const section = (body: number): number => body + 2;

/** The statistics of the prompts the filters select: counts and estimates against actuals as tables, weeks as columns. */
export function PromptStatsView({ stats, topTags, width, height }: { stats: PromptStats; topTags: readonly NamedCount[] | null; width: number; height: number }) {
  const half = Math.max(30, Math.floor((width - 2) / 2));
  const column = half - 2;
  const statusLines = staticTableHeight(stats.byStatus.length);
  const categoryRows = rowsFitting(stats.byCategory.length, height - section(1) - section(statusLines) - section(0));
  const durationLines = staticTableHeight(stats.durations.length);
  const tagRows = rowsFitting(topTags?.length ?? 0, height - section(SPARK_HEIGHT + 2) - section(durationLines) - section(0));
  return (
    <Box height={height} overflow="hidden">
      <Box flexDirection="column" width={half} marginRight={2} overflow="hidden">
        <Section title={`${formatCount(stats.total)} prompts`} width={column}>
          <Text wrap="truncate-end">{`average duration (completed) ${minutes(stats.averageDuration)}`}</Text>
        </Section>
        <Section title="By status" width={column}>
          <Counts counts={stats.byStatus} title="status" width={column} />
        </Section>
        <Section title="By category" width={column}>
          <Counts counts={stats.byCategory} title="category" width={column} maxRows={categoryRows} />
        </Section>
      </Box>
      <Box flexDirection="column" width={half} overflow="hidden">
        <Section title="Prompts per week (12 weeks, Monday UTC)" width={column}>
          <Weekly weeks={stats.weekly} width={column} />
        </Section>
        <Section title="Estimated against actual (avg minutes)" width={column}>
          <Durations durations={stats.durations} width={column} />
        </Section>
        <Section title="Top tags" width={column}>
          {topTags === null ? <StateLine status="loading" /> : <Counts counts={topTags} title="tag" width={column} maxRows={tagRows} />}
        </Section>
      </Box>
    </Box>
  );
}
