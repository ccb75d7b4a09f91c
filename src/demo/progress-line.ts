import type { Progress } from './bulk.js';

const number = new Intl.NumberFormat('en-US');

/** `tasks 412,000/1,000,000 (41%)` */
export function progressText(done: number, total: number, what: string): string {
  const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
  return `${what} ${number.format(done)}/${number.format(total)} (${pct}%)`;
}

export interface ProgressLine {
  readonly report: Progress;
  /** clears the rewritten line on a terminal */
  end(): void;
}

/**
 * On a terminal: one line rewritten in place, at most ten times a second. Piped: a line at
 * every tenth of each table, so a log shows it is moving without drowning.
 */
export function progressLine(stream: NodeJS.WritableStream & { isTTY?: boolean }): ProgressLine {
  const tty = stream.isTTY === true;
  let lastPaint = 0;
  let lastWhat = '';
  let lastTenth = -1;
  return {
    report: (done, total, what) => {
      if (tty) {
        const now = Date.now();
        if (done !== total && now - lastPaint < 100) return;
        lastPaint = now;
        stream.write(`\r\x1b[2K${progressText(done, total, what)}`);
        return;
      }
      // small tables finish at once: only their last line is news
      const tenth = total >= 10_000 ? Math.floor((done / total) * 10) : done === total ? 10 : 0;
      if (what === lastWhat && tenth === lastTenth) return;
      if (what !== lastWhat && done !== total && tenth === 0) {
        lastWhat = what;
        lastTenth = tenth;
        return; // the first tenth is not news; its end is
      }
      lastWhat = what;
      lastTenth = tenth;
      stream.write(progressText(done, total, what) + '\n');
    },
    end: () => {
      if (tty) stream.write('\r\x1b[2K');
    },
  };
}
