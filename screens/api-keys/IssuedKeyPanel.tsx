import React from 'react';
import { Box, Text } from 'ink';
import { ToneText } from '../../components/theme/index.js';
import { inert } from '../../components/text/inert.js';
import { formatTime } from '../../components/text/format.js';
import type { IssuedKey } from './use-new-key.js';

const NOTE = 'Copy it now: it will not be shown again. Any key closes this.';

/** The one time a key is shown whole: on a line of its own, so it can be selected and copied. */
export function IssuedKeyPanel({ issued, width }: { issued: IssuedKey; width: number }) {
  const expires = issued.expiresAt ? `expires ${formatTime(issued.expiresAt.toISOString())} UTC` : 'never expires';
  return (
    // No side borders: the key's line holds the key alone, easy to select whole.
    <Box flexDirection="column" borderStyle="double" borderLeft={false} borderRight={false} width={width}>
      <ToneText tone="success" wrap="truncate-end">{`New API key for ${inert(issued.agentId)} (${expires})`}</ToneText>
      <Text bold wrap="wrap">
        {issued.key}
      </Text>
      <ToneText tone="warning" wrap="truncate-end">
        {NOTE}
      </ToneText>
    </Box>
  );
}

/** Lines the panel takes: border, title, the key (wrapped on a narrow terminal), the note. */
export const issuedKeyLines = (issued: IssuedKey, width: number): number => 4 + Math.ceil(issued.key.length / Math.max(1, width));
