import { useKeypress } from '../app/keypress-bus.js';
import { isCommand, type CommandId } from '../keymap/keymap.js';
import { listCommands } from '../keymap/list-commands.js';
import type { KeyPress } from '../keymap/keys.js';
import type { ListController } from './list-controller.js';

export interface ListKeyOptions {
  readonly active: boolean;
  /** the screen's keymap scope (its own commands), heard before the list keys */
  readonly scope: string;
  readonly onOpen?: () => void;
  readonly onFilter?: () => void;
  /** the screen's own keys; return true when handled */
  readonly onKey?: (k: KeyPress) => boolean;
}

/** The list keys of the keymap (move, page, jump, open, filter) on the screen layer. */
export function useListKeys(list: ListController, o: ListKeyOptions): void {
  useKeypress(
    'screen',
    (k) => {
      if (o.onKey?.(k)) return true;
      const is = (command: CommandId): boolean => isCommand(command, k.name);
      const own = listCommands(o.scope); // Enter and / as the screen's own commands where it has them
      if (is('list.down')) list.move(1);
      else if (is('list.up')) list.move(-1);
      else if (is('list.pageDown')) list.page(1);
      else if (is('list.pageUp')) list.page(-1);
      else if (is('list.first')) list.first();
      else if (is('list.last')) list.last();
      else if (is(own.open) && o.onOpen) o.onOpen();
      else if (is(own.filter) && o.onFilter) o.onFilter();
      else if (is('list.sortNext') && list.sort) list.sort.step(1);
      else if (is('list.sortPrev') && list.sort) list.sort.step(-1);
      else if (is('list.sortFlip') && list.sort) list.sort.flip();
      else return false;
      return true;
    },
    // 'filterable' binds no key: it tells the footer that '/' does something here (not on detail views).
    // 'sortable' too only where the list sorts by its columns, so help lists < > ~ there alone.
    { active: o.active, scopes: [o.scope, 'list', ...(o.onFilter ? ['filterable'] : []), ...(list.sort?.offered.length ? ['sortable'] : [])] },
  );
}
