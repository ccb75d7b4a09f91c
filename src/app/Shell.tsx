import React, { useRef, useState } from 'react';
import { Box, useApp } from 'ink';
import { Header } from '../../components/Header.js';
import { TooSmall, MIN_COLUMNS, MIN_ROWS } from '../../components/TooSmall.js';
import { footerHints, isCommand, type CommandId } from '../keymap/keymap.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { useKeypress, useScopesNow } from './keypress-bus.js';
import { useNavigation } from './navigation.js';
import { useServices } from './services.js';
import { operatorLabel } from '../../db/operator.js';
import { useLive } from './live.js';
import { useFlash } from './flash.js';
import { screenById, screenByNumber } from './screens.js';
import { HelpLayer } from './HelpLayer.js';
import { PaletteLayer } from './PaletteLayer.js';
import { ShellFooter } from './ShellFooter.js';

type Overlay = { kind: 'none' } | { kind: 'palette' } | { kind: 'help'; scopes: readonly string[] };

/** Header, footer and one spare line: Ink repaints the whole terminal once a frame reaches its height. */
const CHROME_LINES = 4;

/** The frame: header, the screen on top of the stack, the footer; overlays and the global keys. */
export function Shell() {
  const { columns, rows } = useTerminalSize();
  const { exit } = useApp();
  const nav = useNavigation();
  const { refresh } = useLive();
  const { message } = useFlash();
  const { path, readOnly, operator, refusal } = useServices();
  const scopesNow = useScopesNow();
  const [overlay, setOverlay] = useState<Overlay>({ kind: 'none' });
  const atTop = nav.stack.length === 1;
  const close = (): void => setOverlay({ kind: 'none' });

  useKeypress(
    'global',
    (k) => {
      const is = (command: CommandId): boolean => isCommand(command, k.name);
      const numbered = is('app.screen') ? screenByNumber(Number(k.name)) : undefined;
      if (is('app.quit') && atTop) exit();
      else if (is('app.quit'))
        nav.back(); // as k9s: q in a view opened from another goes back
      else if (is('app.help')) setOverlay({ kind: 'help', scopes: scopesNow() });
      else if (is('app.palette')) setOverlay({ kind: 'palette' });
      else if (numbered) nav.jump(numbered.id);
      else if (is('app.back')) nav.back();
      else if (is('app.refresh')) refresh();
      else return false;
      return true;
    },
    { scopes: ['global'] },
  );

  // Too small: the message shows, and the screens stay mounted (hidden) at the last size that fitted,
  // so each keeps its cursor, filter and scroll for when the terminal grows again.
  const fits = columns >= MIN_COLUMNS && rows >= MIN_ROWS;
  const lastFit = useRef({ columns: Math.max(columns, MIN_COLUMNS), rows: Math.max(rows, MIN_ROWS) });
  if (fits) lastFit.current = { columns, rows };
  const width = lastFit.current.columns;
  const height = lastFit.current.rows - CHROME_LINES;
  const shown = overlay.kind === 'none' && fits;
  const admin = operator.role === 'admin';
  // worked out by the footer, after the screens: with the marker scopes they name as they render
  const hintsFor = (scopes: readonly string[]) =>
    footerHints(scopes, { actions: refusal === null, admin }).filter(
      (h) => !(atTop && h.command === 'app.back') && !(!atTop && h.command === 'app.quit') && !(h.command === 'list.filter' && !scopes.includes('filterable')),
    );
  const crumbs = nav.stack.map((r) => {
    const entry = screenById(r.screen);
    return entry?.crumb?.(r.params) ?? entry?.title ?? r.screen;
  });
  return (
    <Box flexDirection="column">
      {fits ? null : <TooSmall columns={columns} rows={rows} />}
      <Box flexDirection="column" width={width} display={fits ? 'flex' : 'none'}>
        <Header path={path} readOnly={readOnly} operator={operatorLabel(operator)} breadcrumbs={crumbs} width={width} />
        <Box height={height} flexDirection="column">
          {overlay.kind === 'help' ? <HelpLayer scopes={overlay.scopes} actions={refusal === null} admin={admin} width={width} height={height} onClose={close} /> : null}
          {overlay.kind === 'palette' ? (
            <PaletteLayer
              width={width}
              height={height}
              onClose={close}
              onGo={(id) => {
                close();
                nav.jump(id);
              }}
            />
          ) : null}
          {nav.stack.map((route, i) => {
            const Screen = screenById(route.screen)?.component;
            const onTop = i === nav.stack.length - 1;
            // Screens beneath stay mounted (hidden), so Esc comes back to the same row and filter.
            return (
              <Box key={`${i}:${route.screen}`} display={onTop && overlay.kind === 'none' ? 'flex' : 'none'} flexDirection="column">
                {Screen ? <Screen active={onTop && shown} params={route.params} width={width} height={height} /> : null}
              </Box>
            );
          })}
        </Box>
        <ShellFooter hintsFor={hintsFor} message={message} />
      </Box>
    </Box>
  );
}
