import React from 'react';
import { Box, Text } from 'ink';
import { Panel } from '../../components/Panel.js';
import { Bar } from '../../components/Bar.js';
import { Sparkline } from '../../components/Sparkline.js';
import { DeltaBar } from '../../components/DeltaBar.js';
import { ToneText, statusTone } from '../../components/theme/index.js';
import { inert } from '../../components/text/inert.js';
import { formatCount } from '../../components/text/format.js';
import type { NamedCount, PromptStats } from '../../db/repositories/prompt-history-stats.js';

const LABEL = 14;
const SPARK_HEIGHT = 3;
const DELTA_HALF = 6;
/** an estimate off by this much fills one side of the bar */
const DELTA_SPAN = 1;

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
      <ToneText tone="muted">{`${first?.weekStart ?? ''}`.padEnd(Math.max(11, span - 10)) + (last?.weekStart ?? '')}</ToneText>
      <Text wrap="truncate-end">{`this week ${formatCount(last?.count ?? 0)} · busiest ${formatCount(max)} · 12 weeks ${formatCount(weeks.reduce((n, w) => n + w.count, 0))}`}</Text>
    </>
  );
}

function Durations({ durations }: { durations: PromptStats['durations'] }) {
  if (durations.length === 0) return <ToneText tone="muted">no prompt has both an estimate and an actual duration</ToneText>;
  return (
    <>
      <ToneText tone="muted">{`${'category'.padEnd(12)}${'est.'.padStart(7)}${'actual'.padStart(8)}${'off'.padStart(7)}  under │ over`}</ToneText>
      {durations.map((d, i) => {
        const off = d.estimatedAverage > 0 ? (d.actualAverage - d.estimatedAverage) / d.estimatedAverage : 0;
        // The last entry is every category together; a null category before it is prompts without one.
        const total = i === durations.length - 1;
        const name = total ? 'all' : label(d.category);
        return (
          <Text key={`${i}:${name}`} wrap="truncate-end">
            <Text bold={total}>{name.slice(0, 11).padEnd(12)}</Text>
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

/** Lines the right column needs besides the tags: the week chart and the durations table. */
const fixedRightLines = (s: PromptStats): number => 1 + SPARK_HEIGHT + 2 + 1 + 2 + 1 + 2 + Math.max(1, s.durations.length);

/** The statistics of the prompts the filters select: counts as bars, weeks as columns, estimates against actuals. */
export function PromptStatsView({ stats, width, height }: { stats: PromptStats; width: number; height: number }) {
  const half = Math.max(30, Math.floor((width - 2) / 2));
  const tagRows = Math.max(1, height - fixedRightLines(stats));
  return (
    <Box height={height} overflow="hidden">
      <Box flexDirection="column" width={half}>
        <Panel title={`${formatCount(stats.total)} prompts`} width={half}>
          <Text wrap="truncate-end">{`average duration of completed prompts ${minutes(stats.averageDuration)}`}</Text>
        </Panel>
        <Panel title="By status" width={half}>
          <Counts counts={stats.byStatus} width={half - 2} tone={(n) => statusTone(n ?? '')} />
        </Panel>
        <Panel title="By category" width={half}>
          <Counts counts={stats.byCategory} width={half - 2} />
        </Panel>
      </Box>
      <Box flexDirection="column" width={half}>
        <Panel title="Prompts per week (12 weeks, from Monday UTC)" width={half}>
          <Weekly weeks={stats.weekly} width={half - 2} />
        </Panel>
        <Panel title={`Top tags`} width={half}>
          <Counts counts={stats.topTags.slice(0, tagRows)} width={half - 2} />
        </Panel>
        <Panel title="Estimated against actual (avg minutes, prompts with both)" width={half}>
          <Durations durations={stats.durations} />
        </Panel>
      </Box>
    </Box>
  );
}
