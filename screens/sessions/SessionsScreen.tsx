import React from 'react';
import { ListPane } from '../../components/ListPane.js';
import { usePagedList } from '../../src/hooks/use-paged-list.js';
import { useListKeys } from '../../src/hooks/use-list-keys.js';
import { useNavigation } from '../../src/app/navigation.js';
import type { ScreenProps } from '../../src/app/screen-props.js';
import { sessionColumns, sessionSource, SESSION_FILTER_FIELDS, SESSION_SORTABLE } from './session-list.js';

/** 3 Sessions: all of them, newest first, filtered by status, agent, model; Enter opens the session (its task from there). */
export function SessionsScreen({ active, params, width, height }: ScreenProps) {
  const nav = useNavigation();
  const paged = usePagedList(sessionSource, SESSION_FILTER_FIELDS, height - 2, {
    active,
    initialFilter: params.filter,
    empty: 'No sessions in this database.',
    sortable: SESSION_SORTABLE,
  });
  const selected = paged.list.selected;
  useListKeys(paged.list, {
    active,
    scope: 'sessions',
    onOpen: () => selected && nav.push('session', { sessionId: selected.id }),
    onFilter: paged.filter.open,
  });
  return (
    <ListPane height={height} filter={{ ...paged.filter, fields: SESSION_FILTER_FIELDS, position: paged.position }} list={{ ...paged.view, columns: sessionColumns, width, rowKey: (s) => s.id }} />
  );
}
