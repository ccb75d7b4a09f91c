import React from 'react';
import { columnWidths, fittedColumns, type Column } from '../../components/ListView.js';
import { statusTone } from '../../components/theme/index.js';
import { formatTime } from '../../components/text/format.js';
import { inert } from '../../components/text/inert.js';
import type { DecodedPrompt } from '../../db/repositories/prompt-history-values.js';
import { excerptAround, findMatch } from './highlight.js';
import { Highlighted } from './Highlighted.js';

const tagsText = (p: DecodedPrompt): string => (p.tagsRaw !== undefined ? p.tagsRaw : p.tags.join(','));

/**
 * The list's columns; the prompt takes the rest of the line (at least 20), cut so the search's match
 * shows, and marked. When narrow the tags go first, then the category, then the time: id, status and prompt stay.
 */
export function promptColumns(width: number, query: string): Column<DecodedPrompt>[] {
  const cols: Column<DecodedPrompt>[] = [
    { header: '#', width: 7, value: (p) => String(p.id), align: 'right' },
    { header: 'Logged', width: 16, value: (p) => formatTime(p.timestamp), drop: 3 },
    { header: 'Status', width: 9, value: (p) => p.executionStatus, tone: (p) => statusTone(p.executionStatus) },
    { header: 'Category', width: 13, value: (p) => p.category ?? '', drop: 2 },
  ];
  if (width >= 120) cols.push({ header: 'Tags', width: 18, value: tagsText, tone: (p) => (p.tagsRaw !== undefined ? 'warning' : 'muted'), drop: 1 });
  const prompt: Column<DecodedPrompt> = { header: 'Prompt', width: 0, min: 20, value: () => '' };
  const shown = fittedColumns([...cols, prompt], width);
  const textWidth = columnWidths(shown, width)[shown.length - 1]!;
  return [...cols, { ...prompt, value: (p) => promptLine(p, query, textWidth), render: (text) => <Highlighted text={text} query={query} /> }];
}

const CONTEXT_MARK = ' ‹context› ';

/**
 * The prompt as one inert line cut so the search match shows in `width` columns; a prompt that
 * matched by its context shows its start, then the context around the match.
 */
export function promptLine(p: DecodedPrompt, query: string, width: number): string {
  const prompt = inert(p.prompt);
  if (query === '' || findMatch(prompt, query) >= 0) return excerptAround(prompt, query, width);
  const context = inert(p.context);
  if (findMatch(context, query) < 0) return prompt;
  const head = Math.min(prompt.length, Math.max(8, Math.floor(width / 3)));
  const shown = head < prompt.length ? `${prompt.slice(0, head)}…` : prompt;
  return shown + CONTEXT_MARK + excerptAround(context, query, Math.max(10, width - shown.length - CONTEXT_MARK.length));
}
