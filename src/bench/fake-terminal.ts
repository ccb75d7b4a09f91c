import { EventEmitter } from 'node:events';

// A terminal as Ink sees it, for the bench: a TTY stdin it reads keys from and a TTY stdout of a
// size whose writes go to a callback (src/bench/screen-model.ts rebuilds the screen from them).

/** Ink's "begin synchronized update": the write before each frame. */
export const BSU = '\u001b[?2026h';

/** A terminal's stdin as Ink reads it: 'readable' then read(), raw mode a no-op. */
export class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write(data: string): void {
    this.data = data;
    this.emit('readable');
  }
  read(): string | null {
    const d = this.data;
    this.data = null;
    return d;
  }
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

/** A terminal's stdout: a TTY of a size; each write goes to `onWrite`. */
export class FakeTty extends EventEmitter {
  readonly isTTY = true;
  constructor(
    public columns: number,
    public rows: number,
    private readonly onWrite: (s: string) => void,
  ) {
    super();
  }
  write(s: string): boolean {
    this.onWrite(s);
    return true;
  }
}
