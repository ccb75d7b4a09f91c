import type { DetailLine } from '../../components/DetailLines.js';
import { inert } from '../../components/text/inert.js';
import { wrapLines } from '../../components/text/wrap.js';
import { formatTime } from '../../components/text/format.js';
import type { AuditEntry } from '../../db/views/audit.js';
import { parseObject } from '../../db/json.js';

// Wrapping and Ink drop a line's leading spaces: no-break spaces keep the JSON's indentation.
const keepIndent = (line: string): string => line.replace(/^ +/, (m) => '\u00a0'.repeat(m.length));

/** One audit row as lines: its fields, then the metadata as indented JSON (or raw, marked, when malformed). */
export function auditEntryLines(e: AuditEntry, width: number): DetailLine[] {
  const r = e.row;
  const lines: DetailLine[] = [
    { label: 'entry', text: `#${r.id}` },
    { label: 'time', text: `${formatTime(r.timestamp)}  (${inert(r.timestamp)})` },
    { label: 'action', text: inert(r.action) },
    { label: 'user', text: e.userName ? `${inert(e.userName)} (${inert(r.userId ?? '-')})` : inert(r.userId ?? '-') },
    { label: 'resource', text: `${inert(r.resourceType)} ${inert(r.resourceId ?? '-')}` },
    { label: '', text: '' },
  ];
  if (e.metadata.ok) {
    e.metadata.lines.forEach((l, i) => {
      for (const [j, part] of wrapLines(keepIndent(inert(l)), width).entries()) lines.push({ label: i === 0 && j === 0 ? 'metadata' : undefined, text: part });
    });
  } else {
    lines.push({ label: 'metadata', text: 'not JSON, shown raw:', tone: 'warning' });
    for (const part of wrapLines(inert(e.metadata.raw, true), width)) lines.push({ text: part });
  }
  return lines;
}

/** One field a console change altered: its value before and after, as JSON text (a string as it is). */
export interface ChangedField {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

const shown = (v: unknown): string => (v === undefined ? '(absent)' : typeof v === 'string' ? v : JSON.stringify(v));
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The fields whose value differs between the metadata's `before` and `after` (a console change, an
 * undo); null when the entry has no such pair. A creation (before null) lists every field it set.
 */
export function changedFields(metadata: unknown): ChangedField[] | null {
  if (typeof metadata !== 'string') return null;
  const m = parseObject(metadata);
  if (!m.ok || !('before' in m.value) || !('after' in m.value)) return null;
  const before = isRecord(m.value.before) ? m.value.before : {};
  const after = isRecord(m.value.after) ? m.value.after : {};
  if (!isRecord(m.value.before) && !isRecord(m.value.after)) return null;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((field) => ({ field, before: isRecord(m.value.before) ? shown(before[field]) : '(none)', after: isRecord(m.value.after) ? shown(after[field]) : '(none)' }));
}
