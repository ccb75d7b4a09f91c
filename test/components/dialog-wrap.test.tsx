import React from 'react';
import { describe, it, expect } from 'vitest';
import { render } from 'ink-testing-library';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { dialogHeight } from '../../components/dialog-height.js';
import { strip } from '../app/driver.js';

// The cancel question of a task, as the tasks screen asks it: Ink's own wrapping broke it before
// "running" and carried the space to the next line (seen in tmux at 120 columns).
const MESSAGE =
  "task_8eQJQQDPGiszTbabX5-Rc is pending. It is set to cancelled; the audit log records it. The agent is told via the service's queue (task:cancel for agent agent-build-02) within about 30 s while the service runs; if the service is down, nothing stops an agent already running it.";

describe('a dialog wraps its message itself', () => {
  for (const width of [120, 72, 50, 33]) {
    it(`at ${width} columns: no line of the message starts with a space, and the box is as tall as dialogHeight says`, () => {
      const ink = render(<ConfirmDialog title="Cancel this task?" message={MESSAGE} choice="no" width={width} />);
      const lines = strip(ink.lastFrame() ?? '').split('\n');
      ink.unmount();
      const inside = lines.slice(2, -3).map((l) => l.slice(2, -2)); // border, title ... blank, buttons, border
      expect(inside.length).toBeGreaterThan(2);
      for (const l of inside) expect(l.startsWith(' '), JSON.stringify(l)).toBe(false);
      expect(inside.join(' ').replace(/ +/g, ' ').trim()).toBe(MESSAGE);
      expect(lines.length).toBe(dialogHeight(MESSAGE, width));
    });
  }
});
