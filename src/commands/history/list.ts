import type { PromptHistoryReader } from '../../../db/repositories/prompt-history-reader.js';
import { decodePrompt, type DecodedPrompt } from '../../../db/repositories/prompt-history-values.js';
import type { PromptHistoryRow } from '../../../db/types.js';
import type { CommandContext } from '../../cli/context.js';
import { LineWriter } from '../../cli/output.js';
import type { Theme } from '../../cli/style.js';
import { layoutTable, renderHeader, renderRow, type Column } from '../../cli/table.js';
import { inert, inertJson } from '../../cli/plain-text.js';
import { withWidths } from '../../cli/widths.js';
import type { HistoryRequest } from './options.js';

const PAGE = 1000;

const statusStyle = (text: string, row: DecodedPrompt, theme: Theme): string => {
  switch (row.executionStatus) {
    case 'completed':
      return theme.ok(text);
    case 'failed':
      return theme.bad(text);
    case 'pending':
      return theme.warn(text);
    default:
      return theme.muted(text);
  }
};

const tagsText = (p: DecodedPrompt): string => inert(p.tagsRaw ?? p.tags.join(','));

// Rows written without the spec's NOT NULL, or with a number in a text column, are shown as they are.
const shown = (v: unknown, empty = '-'): string => inert(v == null ? empty : String(v));

const COLUMNS: readonly Column<DecodedPrompt>[] = [
  { header: 'ID', value: (p) => String(p.id), align: 'right', style: (t, _p, th) => th.dim(t) },
  { header: 'CREATED', value: (p) => shown(p.timestamp).slice(0, 16).replace('T', ' '), drop: 3 },
  { header: 'STATUS', value: (p) => shown(p.executionStatus), style: statusStyle },
  { header: 'CATEGORY', value: (p) => shown(p.category), max: 13, drop: 2, style: (t, _p, th) => th.accent(t) },
  { header: 'TAGS', value: tagsText, max: 24, drop: 1, style: (t, _p, th) => th.muted(t) },
  { header: 'PROMPT', value: (p) => shown(p.prompt, ''), flex: true },
];

/** Keyset pages of rows, so memory stays flat for --all and a large --limit alike. */
function* pages(repo: PromptHistoryReader, req: HistoryRequest): Generator<PromptHistoryRow[]> {
  const { limit } = req;
  if (limit === undefined) return yield* repo.iterate(req.filters, PAGE);
  if (limit <= PAGE) return yield repo.findAll({ ...req.filters, limit });
  let left = limit;
  for (const page of repo.iterate(req.filters, PAGE)) {
    yield page.length > left ? page.slice(0, left) : page;
    left -= page.length;
    if (left <= 0) return;
  }
}

async function writeJson(out: LineWriter, repo: PromptHistoryReader, req: HistoryRequest): Promise<number> {
  let n = 0;
  let held: string | undefined; // each row waits for the next to know whether it needs a comma
  out.line('[');
  for (const page of pages(repo, req)) {
    for (const row of page) {
      if (held !== undefined) out.line(held + ',');
      held = '  ' + inertJson(JSON.stringify(decodePrompt(row)));
      n++;
    }
    await out.drain();
  }
  if (held !== undefined) out.line(held);
  out.line(']');
  return n;
}

async function writeTable(out: LineWriter, repo: PromptHistoryReader, req: HistoryRequest, theme: Theme, width?: number): Promise<number> {
  let n = 0;
  let layout: ReturnType<typeof layoutTable<DecodedPrompt>> | undefined;
  for (const page of pages(repo, req)) {
    const decoded = page.map(decodePrompt);
    // the page's lines are made first, then written: made again if they needed the width tables
    const [lines, used] = await withWidths(() => {
      const l = layout ?? layoutTable(COLUMNS, decoded, width);
      return [[...(layout ? [] : [renderHeader(l, theme)]), ...decoded.map((p) => renderRow(l, p, theme))], l] as const;
    });
    layout = used;
    for (const line of lines) out.line(line);
    n += decoded.length;
    await out.drain();
  }
  return n;
}

/** The list of prompts, newest first: a table (fitted on a terminal) or JSON. */
export async function showList(ctx: CommandContext, repo: PromptHistoryReader, req: HistoryRequest, theme: Theme, width?: number): Promise<void> {
  const out = new LineWriter(ctx);
  if (req.json) {
    await writeJson(out, repo, req);
    return out.flush();
  }
  const n = await writeTable(out, repo, req, theme, width);
  if (n === 0) out.line(theme.muted('No prompts match.'));
  else if (width !== undefined && req.limit !== undefined && n === req.limit) {
    out.line(theme.muted(`The newest ${n} shown; --limit N or --all for more.`));
  }
  out.flush();
}
