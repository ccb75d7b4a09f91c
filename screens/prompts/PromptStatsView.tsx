import React, { type ReactNode } from 'react';
import { Box, Text } from 'ink';
import { Bar } from '../../components/Bar.js';
import { Sparkline } from '../../components/Sparkline.js';
import { DeltaBar } from '../../components/DeltaBar.js';
import { StateLine } from '../../components/StateLine.js';
import { ToneText, statusTone } from '../../components/theme/index.js';
import { inert } from '../../components/text/inert.js';
import { formatCount } from '../../components/text/format.js';
import { fitColumns } from '../../components/text/width.js';
import type { NamedCount, PromptStats } from '../../db/repositories/prompt-history-stats.js';

const LABEL = 14;
const SPARK_HEIGHT = 3;
const DELTA_HALF = 8;
/** an estimate off by half fills one side of the bar */
const DELTA_SPAN = 0.5;

const minutes = (n: number | null): string => (n === null ? '-' : `${n.toFixed(1)} min`);
const percent = (ratio: number): string => `${ratio >= 0 ? '+' : ''}${Math.round(ratio * 100)}%`;
const label = (name: string | null): string => (name === null ? '(none)' : inert(name));

function Counts({ counts, width, tone }: { counts: readonly NamedCount<string | null>[]; width: number; tone?: (name: string | null) => Parameters<typeof Bar>[0]['tone'] }) {
  const max = Math.max(0, ...counts.map((c) => c.count));
  if (counts.length === 0) return <ToneText tone="muted">none</ToneText>;
  return (
    <>
      {counts.map((c) => (
        <Bar key={String(c.name)} label={label(c.name)} value={c.count} max={max} width={Math.max(4, width - LABEL - 10)} labelWidth={LABEL} tone={tone?.(c.name) ?? 'accent'} text={formatCount(c.count)} />
      ))}
    </>
  );
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
      <ToneText tone="muted" wrap="truncate-end">{`${first?.weekStart ?? ''}`.padEnd(Math.max(11, span - 10)) + (last?.weekStart ?? '')}</ToneText>
      <Text wrap="truncate-end">{`this week ${formatCount(last?.count ?? 0)} · busiest ${formatCount(max)} · 12 weeks ${formatCount(weeks.reduce((n, w) => n + w.count, 0))}`}</Text>
    </>
  );
}

function Durations({ durations }: { durations: PromptStats['durations'] }) {
  if (durations.length === 0) return <ToneText tone="muted">no prompt has both an estimate and an actual duration</ToneText>;
  return (
    <>
      <ToneText tone="muted" wrap="truncate-end">{`${'category'.padEnd(14)}${'est.'.padStart(7)}${'actual'.padStart(8)}${'off'.padStart(7)}    under │ over`}</ToneText>
      {durations.map((d, i) => {
        const off = d.estimatedAverage > 0 ? (d.actualAverage - d.estimatedAverage) / d.estimatedAverage : 0;
        // The last entry is every category together; a null category before it is prompts without one.
        const total = i === durations.length - 1;
        const name = total ? 'all' : label(d.category);
        return (
          <Text key={`${i}:${name}`} wrap="truncate-end">
            <Text bold={total}>{fitColumns(name, 13).padEnd(14)}</Text>
            {d.estimatedAverage.toFixed(1).padStart(7)}
            {d.actualAverage.toFixed(1).padStart(8)}
            <ToneText tone={off > 0 ? 'warning' : 'success'}>{percent(off).padStart(7)}</ToneText>
            {'  '}
            <DeltaBar value={off} span={DELTA_SPAN} half={DELTA_HALF} />
          </Text>
        );
      })}
    </>
  );
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

/** The statistics of the prompts the filters select: counts as bars, weeks as columns, estimates against actuals. */
export function PromptStatsView({ stats, topTags, width, height }: { stats: PromptStats; topTags: readonly NamedCount[] | null; width: number; height: number }) {
  const half = Math.max(30, Math.floor((width - 2) / 2));
  const column = half - 2;
  const categoryRows = Math.max(1, height - section(1) - section(stats.byStatus.length) - 1);
  const tagRows = Math.max(1, height - section(SPARK_HEIGHT + 2) - section(1 + Math.max(1, stats.durations.length)) - 1);
  return (
    <Box height={height} overflow="hidden">
      <Box flexDirection="column" width={half} marginRight={2} overflow="hidden">
        <Section title={`${formatCount(stats.total)} prompts`} width={column}>
          <Text wrap="truncate-end">{`average duration (completed) ${minutes(stats.averageDuration)}`}</Text>
        </Section>
        <Section title="By status" width={column}>
          <Counts counts={stats.byStatus} width={column} tone={(n) => statusTone(n ?? '')} />
        </Section>
        <Section title="By category" width={column}>
          <Counts counts={stats.byCategory.slice(0, categoryRows)} width={column} />
        </Section>
      </Box>
      <Box flexDirection="column" width={half} overflow="hidden">
        <Section title="Prompts per week (12 weeks, Monday UTC)" width={column}>
          <Weekly weeks={stats.weekly} width={column} />
        </Section>
        <Section title="Estimated against actual (avg minutes)" width={column}>
          <Durations durations={stats.durations} />
        </Section>
        <Section title="Top tags" width={column}>
          {topTags === null ? <StateLine status="loading" /> : <Counts counts={topTags.slice(0, tagRows)} width={column} />}
        </Section>
      </Box>
    </Box>
  );
}
