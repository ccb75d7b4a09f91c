import { describe, expect, it } from 'vitest';
import React from 'react';
import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { Header } from '../../components/Header.js';

// eslint-disable-next-line no-control-regex -- the escape and control characters are what the test looks for
const strip = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('the header at the minimum width', () => {
  it('stays two lines of at most 60 columns with a long path and the OS-user operator label', () => {
    const { lastFrame, unmount } = render(
      <Box width={60}>
        <Header path="/srv/bematic/data/production/bematic.db" readOnly operator="root (OS user, not in users: admin)" breadcrumbs={['Dashboard']} width={60} />
      </Box>,
    );
    const lines = strip(lastFrame() ?? '').split('\n');
    unmount();
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(60);
    expect(lines[0]).toContain('bematic-console');
    expect(lines[0]).toContain('operator: root');
    expect(lines[1]).toContain('Dashboard');
  });

  it('keeps title, path and operator at 80 columns with the OS-user label (Ink drew a lone … there)', () => {
    const { lastFrame, unmount } = render(
      <Box width={80}>
        <Header path="/tmp/ciclone/data/demo.db" readOnly={false} operator="root (OS user, not in users: admin)" breadcrumbs={['Dashboard']} width={80} />
      </Box>,
    );
    const first = strip(lastFrame() ?? '').split('\n')[0]!;
    unmount();
    expect(first).toContain('bematic-console');
    expect(first).toContain('demo.db');
    expect(first).toContain('operator: root');
    expect(first.length).toBeLessThanOrEqual(80);
  });
});
