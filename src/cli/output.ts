import type { CommandContext } from './context.js';

/**
 * Writes lines and yields to the event loop now and then, so a reader that went away (EPIPE from
 * `| head`) is noticed by the bin's handler instead of after a million lines.
 */
export class LineWriter {
  private buffered: string[] = [];
  constructor(private readonly ctx: CommandContext) {}

  line(s = ''): void {
    this.buffered.push(s);
    if (this.buffered.length >= 512) this.flush();
  }

  flush(): void {
    if (this.buffered.length === 0) return;
    this.ctx.stdout.write(this.buffered.join('\n') + '\n');
    this.buffered = [];
  }

  /** Flushes and lets pending 'error' events (EPIPE) fire. */
  async drain(): Promise<void> {
    this.flush();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
