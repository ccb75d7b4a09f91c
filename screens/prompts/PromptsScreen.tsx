import React, { useMemo, useState } from 'react';
import { Box } from 'ink';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ListView } from '../../components/ListView.js';
import type { PromptFilters } from '../../db/repositories/prompt-history-query.js';
import { useNavigation } from '../../src/app/navigation.js';
import { useListKeys } from '../../src/hooks/use-list-keys.js';
import { usePagedList } from '../../src/hooks/use-paged-list.js';
import { useSayWhy } from '../../src/hooks/use-say-why.js';
import type { ListController } from '../../src/hooks/list-controller.js';
import { isCommand, type CommandId } from '../../src/keymap/keymap.js';
import type { KeyPress } from '../../src/keymap/keys.js';
import type { ScreenProps } from '../../src/app/screen-props.js';
import { useFilterPicker } from './use-filter-picker.js';
import { useNewPrompt } from './use-new-prompt.js';
import { pickedText, type FilterKind, type PickedFilters } from './prompt-filters.js';
import { promptListFor, promptSearchIsLive, searchesAsYouType } from './prompt-list.js';
import { PromptSearchBar } from './PromptSearchBar.js';
import { PromptStats } from './PromptStats.js';
import { FilterPickerView } from './FilterPicker.js';
import { FormView, formHeight } from './FormView.js';
import { promptColumns } from './prompt-columns.js';
import { dialogHeight } from '../../components/dialog-height.js';

const PICKER_KEYS: readonly [CommandId, FilterKind][] = [
  ['prompts.category', 'category'],
  ['prompts.status', 'status'],
  ['prompts.tag', 'tag'],
];

const NO_FIELDS: readonly string[] = [];

/** The list keys do nothing while the statistics show. */
const STILL: ListController = { move: () => {}, page: () => {}, first: () => {}, last: () => {} };

/** 7 Prompts: search as you type, filters picked from counted lists, statistics that follow them; Enter opens, n logs one. */
export function PromptsScreen({ active, width, height }: ScreenProps) {
  const nav = useNavigation();
  const [picked, setPicked] = useState<PickedFilters>({});
  const [showStats, setShowStats] = useState(false);
  const newPrompt = useNewPrompt();
  const sayWhy = useSayWhy();
  const overlay = newPrompt.form ? formHeight(newPrompt.form, width) : newPrompt.dialog ? dialogHeight(newPrompt.dialog.message, width) : 0;
  const bodyHeight = height - 1 - overlay;
  const source = promptListFor(picked);
  // the same list pipeline as the other lists; the search line is one literal text, searched as you type
  const prompts = usePagedList(source.make, NO_FIELDS, bodyHeight - 1, {
    active,
    empty: 'No prompts in this database.',
    live: promptSearchIsLive,
    literal: true,
    sourceKey: source.key,
  });
  const search = prompts.filter;
  const filters: PromptFilters = { search: search.applied || undefined, ...picked };
  const picker = useFilterPicker(filters, bodyHeight - 4, (kind, value) => setPicked((p) => ({ ...p, [kind]: value })));
  const selected = prompts.list.selected;
  const columns = useMemo(() => promptColumns(width, search.applied), [width, search.applied]);
  const anyFilter = search.applied !== '' || pickedText(picked) !== '';
  const view = prompts.view.status === 'empty' ? { ...prompts.view, message: anyFilter ? 'No prompt matches.' : 'No prompts in this database.' } : prompts.view;
  const onKey = (k: KeyPress): boolean => {
    const is = (command: CommandId): boolean => isCommand(command, k.name);
    const kind = PICKER_KEYS.find(([command]) => is(command))?.[1];
    if (kind) picker.open(kind);
    else if (is('prompts.stats')) setShowStats((s) => !s);
    else if (is('prompts.new') && newPrompt.request) newPrompt.request();
    else if (is('prompts.new'))
      sayWhy('log prompts'); // read-only or a viewer: say so, not nothing
    else if (is('prompts.clear') && anyFilter) {
      search.clear();
      setPicked({});
    } else return false;
    return true;
  };
  useListKeys(showStats ? STILL : prompts.list, {
    active,
    scope: 'prompts',
    onOpen: () => !showStats && selected && nav.push('prompt', { promptId: String(selected.id) }),
    onFilter: search.open,
    onKey,
  });
  const body = picker.picker ? (
    <FilterPickerView title={`Show prompts with ${picker.picker.kind}`} options={picker.picker.options} cursor={picker.picker.cursor} width={width} height={bodyHeight} />
  ) : showStats ? (
    <PromptStats filters={filters} width={width} height={bodyHeight} />
  ) : (
    <ListView {...view} columns={columns} rowKey={(p) => p.id} width={width} height={bodyHeight} />
  );
  const waiting = search.editing && search.draft !== search.applied && !searchesAsYouType(search.draft);
  return (
    <Box flexDirection="column" height={height}>
      {newPrompt.form ? <FormView form={newPrompt.form} width={width} /> : null}
      {newPrompt.dialog ? <ConfirmDialog {...newPrompt.dialog} width={width} /> : null}
      <PromptSearchBar
        editing={search.editing}
        draft={search.draft}
        query={search.applied}
        waiting={waiting}
        onDraft={search.onDraft}
        picked={pickedText(picked)}
        position={showStats ? 'statistics (s: list)' : prompts.position}
      />
      {body}
    </Box>
  );
}
