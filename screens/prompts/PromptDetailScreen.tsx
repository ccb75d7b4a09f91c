import React, { useMemo } from 'react';
import { Box } from 'ink';
import { DetailLines } from '../../components/DetailLines.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { StateLine } from '../../components/StateLine.js';
import { PromptHistoryRepository } from '../../db/repositories/prompt-history.js';
import { decodePrompt } from '../../db/repositories/prompt-history-values.js';
import { useServices } from '../../src/app/services.js';
import { useLive } from '../../src/app/live.js';
import { useQuery, ONE_ROW_NOW } from '../../src/hooks/use-query.js';
import { useStaticList } from '../../src/hooks/use-static-list.js';
import { useListKeys } from '../../src/hooks/use-list-keys.js';
import { useSayWhy } from '../../src/hooks/use-say-why.js';
import { isCommand, type CommandId } from '../../src/keymap/keymap.js';
import type { ScreenProps } from '../../src/app/screen-props.js';
import { promptDetailLines } from './prompt-detail-lines.js';
import { useFinishPrompt, type Outcome } from './use-finish-prompt.js';
import { FormView, formHeight } from './FormView.js';
import { dialogHeight } from '../../components/dialog-height.js';

const LABEL = 10;

const OUTCOME_KEYS: readonly [CommandId, Outcome][] = [
  ['prompt.complete', 'completed'],
  ['prompt.fail', 'failed'],
  ['prompt.cancel', 'cancelled'],
];

/** One prompt: status, durations, notes, tags, text, context, files; m, f, x finish it (asking first). */
export function PromptDetailScreen({ active, params, width, height }: ScreenProps) {
  const { db } = useServices();
  const { version } = useLive();
  const finish = useFinishPrompt();
  const sayWhy = useSayWhy();
  const id = Number(params.promptId);
  const detail = useQuery(
    () => {
      const row = new PromptHistoryRepository(db).findById(id);
      return row && decodePrompt(row);
    },
    String(id),
    version,
    ONE_ROW_NOW,
  );
  const textWidth = Math.max(10, width - LABEL - 3);
  const prompt = detail.status === 'ready' ? detail.data : undefined;
  const lines = useMemo(() => (prompt ? promptDetailLines(prompt, textWidth) : []), [prompt, textWidth]);
  // the question measures its own height: notes make it longer than the usual box
  const bodyHeight = height - (finish.dialog ? dialogHeight(finish.dialog.message, width) : 0) - (finish.form ? formHeight(finish.form, width) : 0);
  const list = useStaticList(lines.length, bodyHeight);
  useListKeys(list, {
    active,
    scope: 'prompt',
    onKey: (k) => {
      const outcome = OUTCOME_KEYS.find(([command]) => isCommand(command, k.name))?.[1];
      if (!outcome || !prompt) return false;
      if (!finish.request) return sayWhy(`mark prompts ${outcome}`);
      finish.request(outcome, prompt);
      return true;
    },
  });
  if (!prompt) {
    return (
      <StateLine
        status={detail.status === 'ready' ? 'missing' : detail.status}
        error={detail.status === 'error' ? detail.error : undefined}
        missing={`Prompt ${params.promptId ?? '?'} is not in this database.`}
      />
    );
  }
  return (
    <Box flexDirection="column" height={height}>
      {finish.form ? <FormView form={finish.form} width={width} /> : null}
      {finish.dialog ? <ConfirmDialog {...finish.dialog} width={width} /> : null}
      <DetailLines lines={lines} cursor={list.cursor} offset={list.offset} height={bodyHeight} labelWidth={LABEL} />
    </Box>
  );
}
