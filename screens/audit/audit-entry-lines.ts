import type { DetailLine } from '../../components/DetailLines.js';
import { inert } from '../../components/text/inert.js';
import { wrapLines } from '../../components/text/wrap.js';
import { formatTime } from '../../components/text/format.js';
import type { AuditEntry } from '../../db/views/audit.js';

// Wrapping and Ink drop a line's leading spaces: no-break spaces keep the JSON's indentation.
const keepIndent = (line: string): string => line.replace(/^ +/, (m) => '\u00a0'.repeat(m.length));

/** One audit row as lines: its fields, then the metadata as indented JSON (or raw, marked, when malformed). */
export function auditEntryLines(e: AuditEntry, width: number): DetailLine[] {
  const r = e.row;
  const lines: DetailLine[] = [
    { label: 'entry', text: `#${r.id}` },
    { label: 'time', text: `${formatTime(r.timestamp)}  (${inert(r.timestamp)})` },
    { label: 'action', text: inert(r.action) },
    { label: 'user', text: inert(r.userId ?? '-') },
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
