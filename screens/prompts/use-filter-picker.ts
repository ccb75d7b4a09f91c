import { useState } from 'react';
import type { PromptFilters } from '../../db/repositories/prompt-history-query.js';
import { PromptHistoryRepository } from '../../db/repositories/prompt-history.js';
import { useServices } from '../../src/app/services.js';
import { useLive } from '../../src/app/live.js';
import { useKeypress } from '../../src/app/keypress-bus.js';
import { useQuery, type QueryState } from '../../src/hooks/use-query.js';
import { isCommand, type CommandId } from '../../src/keymap/keymap.js';
import { pickerOptions, type PickerOption } from './picker-options.js';
import { filtersKey, type FilterKind } from './prompt-filters.js';

export interface FilterPicker {
  /** the open list, its choices (read after it shows) and the selected one */
  readonly picker: { readonly kind: FilterKind; readonly options: QueryState<PickerOption[]>; readonly cursor: number } | null;
  readonly open: (kind: FilterKind) => void;
}

const clamp = (n: number, max: number): number => Math.max(0, Math.min(max, n));

/**
 * `c`, `e`, `t`: a list of categories, statuses or tags with their counts (following the other
 * filters); Enter picks one, "any" turns the filter off, Esc leaves it as it was.
 */
export function useFilterPicker(filters: PromptFilters, pageSize: number, onPick: (kind: FilterKind, value: string | null | undefined) => void): FilterPicker {
  const { db } = useServices();
  const { version } = useLive();
  const [kind, setKind] = useState<FilterKind | null>(null);
  // null: on the choice in force, wherever it lands once the counts are read
  const [moved, setMoved] = useState<number | null>(null);
  // The options carry their kind, so a list opened a moment ago never shows another's choices.
  const read = useQuery(() => (kind === null ? null : { kind, options: pickerOptions(new PromptHistoryRepository(db), kind, filters) }), `${kind}|${filtersKey(filters)}`, version);
  const options: QueryState<PickerOption[]> = read.status !== 'ready' ? read : read.data?.kind === kind ? { status: 'ready', data: read.data.options } : { status: 'loading' };
  const count = options.status === 'ready' ? options.data.length : 0;
  const current =
    kind === null || options.status !== 'ready'
      ? 0
      : Math.max(
          0,
          options.data.findIndex((o) => o.value === filters[kind]),
        );
  const cursor = clamp(moved ?? current, Math.max(0, count - 1));
  const move = (d: number): void => setMoved(clamp(cursor + d, Math.max(0, count - 1)));
  useKeypress(
    'dialog',
    (k) => {
      const is = (command: CommandId): boolean => isCommand(command, k.name);
      if (is('picker.down')) move(1);
      else if (is('picker.up')) move(-1);
      else if (is('picker.pageDown')) move(pageSize);
      else if (is('picker.pageUp')) move(-pageSize);
      else if (is('picker.close')) setKind(null);
      else if (is('picker.choose') && kind !== null && options.status === 'ready' && options.data[cursor]) {
        onPick(kind, options.data[cursor]!.value);
        setKind(null);
      }
      return true;
    },
    { active: kind !== null, scopes: ['picker'] },
  );
  return {
    picker: kind === null ? null : { kind, options, cursor },
    open: (k) => {
      setMoved(null);
      setKind(k);
    },
  };
}
