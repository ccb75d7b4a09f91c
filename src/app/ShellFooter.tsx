import React from 'react';
import { Footer, type FooterProps } from '../../components/Footer.js';
import { useScopeMarkers } from './keypress-bus.js';

type Hints = FooterProps['hints'];

/**
 * The shell's footer: its hints are worked out here, after the screens rendered, from the scopes
 * that hear keys and the marker scopes the screens named in this same render (useScopeMarker).
 */
export function ShellFooter({ scopes, hintsFor, message }: { scopes: readonly string[]; hintsFor: (scopes: readonly string[]) => Hints; message: FooterProps['message'] }) {
  const markers = useScopeMarkers();
  return <Footer hints={hintsFor(markers.length ? [...scopes, ...markers] : scopes)} message={message} />;
}
