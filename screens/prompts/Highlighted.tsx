import React from 'react';
import { ToneText } from '../../components/theme/index.js';
import { highlightSegments } from './highlight.js';

/** A line with each match of the search marked (a badge: colour, or inverse without colour). */
export function Highlighted({ text, query }: { text: string; query: string }) {
  return (
    <>
      {highlightSegments(text, query).map((s, i) => (
        <ToneText key={i} tone={s.match ? 'badge' : undefined}>
          {s.text}
        </ToneText>
      ))}
    </>
  );
}
