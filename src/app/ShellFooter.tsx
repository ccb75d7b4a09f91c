import React from 'react';
import { Footer, type FooterProps } from '../../components/Footer.js';
import { useFooterScopes } from './keypress-bus.js';

type Hints = FooterProps['hints'];

/**
 * The shell's footer: its hints are worked out here, after the screens rendered, from the scopes
 * their key handlers and markers named in this same render (footer-scopes.ts), so the frame a key
 * draws has the footer that goes with it.
 */
export function ShellFooter({ hintsFor, message }: { hintsFor: (scopes: readonly string[]) => Hints; message: FooterProps['message'] }) {
  return <Footer hints={hintsFor(useFooterScopes())} message={message} />;
}
