import type { Command, CommandContext } from '../cli/context.js';
import { openFileForCommand } from '../cli/open-file.js';
import { inert, inertJson } from '../cli/plain-text.js';
import { terminalWidth, themeFor } from '../cli/style.js';
import { withWidths } from '../cli/widths.js';
// The drizzle-free reader: `history` loads neither drizzle-orm nor the schema, so it starts fast.
import { PromptHistoryReader } from '../../db/repositories/prompt-history-reader.js';
import { HISTORY_HELP, parseHistoryArgs, type HistoryRequest } from './history/options.js';
import { showList } from './history/list.js';
import { statsLines } from './history/stats.js';
import { countLines, labelled } from './history/counts.js';

const json = (v: unknown): string => inertJson(JSON.stringify(v, null, 2)) + '\n';

async function showCounts(ctx: CommandContext, reader: PromptHistoryReader, req: HistoryRequest, kind: 'categories' | 'tags'): Promise<void> {
  const counts = kind === 'tags' ? reader.tagCounts(req.filters, req.limit) : reader.categoryCounts(req.filters).slice(0, req.limit);
  const key = kind === 'tags' ? 'tag' : 'category';
  if (req.json) return void ctx.stdout.write(json(counts.map((c) => ({ [key]: c.name, count: c.count }))));
  const theme = themeFor(ctx, req.globals.noColor);
  if (counts.length === 0) return void ctx.stdout.write(`No ${kind}.\n`);
  const lines = await withWidths(() => countLines(labelled(counts), theme, terminalWidth(ctx), [key.toUpperCase(), 'PROMPTS']));
  ctx.stdout.write(lines.join('\n') + '\n');
}

/** `bematic-console history`: the spec's prompt history viewer. */
const history: Command = async (argv, ctx) => {
  const req = parseHistoryArgs(argv);
  if (req.help) {
    ctx.stdout.write(HISTORY_HELP);
    return 0;
  }
  const conn = openFileForCommand(req.globals, ctx, { writes: false, command: 'history' });
  try {
    const reader = new PromptHistoryReader(conn.sqlite);
    if (!reader.exists()) {
      ctx.stderr.write(`bematic-console: ${inert(conn.path)} has no prompt_history table yet; \`bematic-console migrate\` adds it\n`);
    }
    const theme = themeFor(ctx, req.globals.noColor);
    const width = terminalWidth(ctx);
    if (req.view === 'list') await showList(ctx, reader, req, theme, width);
    else if (req.view === 'stats') {
      const stats = reader.getStats(req.filters);
      ctx.stdout.write(req.json ? json(stats) : (await withWidths(() => statsLines(stats, theme, width))).join('\n') + '\n');
    } else await showCounts(ctx, reader, req, req.view);
    return 0;
  } finally {
    conn.close();
  }
};

export default history;
