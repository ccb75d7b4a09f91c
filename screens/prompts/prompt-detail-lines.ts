import type { DetailLine } from '../../components/DetailLines.js';
import { inert } from '../../components/text/inert.js';
import { wrapLines } from '../../components/text/wrap.js';
import { formatTime } from '../../components/text/format.js';
import { statusTone } from '../../components/theme/index.js';
import type { DecodedPrompt } from '../../db/repositories/prompt-history-values.js';

function wrapped(label: string, text: string | null, width: number, tone?: DetailLine['tone']): DetailLine[] {
  if (text === null || text === '') return [{ label, text: 'none', tone: 'muted' }];
  return wrapLines(inert(text, true), width).map((line, i) => ({ label: i === 0 ? label : undefined, text: line, tone }));
}

/** A JSON list column: its elements, or the stored text when it is not a list. */
function elements(label: string, values: readonly string[], raw: string | undefined, width: number): DetailLine[] {
  if (raw !== undefined) return wrapped(label, `(not a JSON list, shown raw) ${raw}`, width, 'warning');
  if (values.length === 0) return [{ label, text: 'none', tone: 'muted' }];
  return values.map((v, i) => ({ label: i === 0 ? label : undefined, text: `• ${inert(v)}` }));
}

const minutes = (n: number | null): string => (n === null ? '-' : `${n} min`);

/** How far the actual duration was from the estimate: "+50%", or nothing without both. */
export function offBy(estimated: number | null, actual: number | null): string {
  if (estimated === null || actual === null || estimated === 0) return '';
  const pct = Math.round(((actual - estimated) / estimated) * 100);
  return ` (${pct >= 0 ? '+' : ''}${pct}% against the estimate)`;
}

/** The prompt detail as lines: fields first, then its long texts wrapped to `width`. */
export function promptDetailLines(p: DecodedPrompt, width: number): DetailLine[] {
  const completed = p.completedAt ? `  finished ${formatTime(p.completedAt)}` : '';
  return [
    { label: 'prompt', text: `#${p.id}` },
    { label: 'status', text: p.executionStatus, tone: statusTone(p.executionStatus) },
    { label: 'category', text: p.category === null ? 'none' : inert(p.category), tone: p.category === null ? 'muted' : undefined },
    { label: 'logged', text: `${formatTime(p.timestamp)}${completed}` },
    {
      label: 'duration',
      text: `estimated ${minutes(p.estimatedDurationMinutes)}, actual ${minutes(p.actualDurationMinutes)}${offBy(p.estimatedDurationMinutes, p.actualDurationMinutes)}`,
    },
    ...wrapped('notes', p.executionNotes, width),
    { label: '', text: '' },
    ...elements('tags', p.tags, p.tagsRaw, width),
    { label: '', text: '' },
    ...wrapped('text', p.prompt, width),
    { label: '', text: '' },
    ...wrapped('context', p.context, width),
    { label: '', text: '' },
    ...elements('files', p.relatedFiles, p.relatedFilesRaw, width),
  ];
}
