// A terminal screen, enough of one to follow what Ink writes (log-update's standard and incremental
// modes): text, newlines, cursor moves, line erases, clear. Colours are dropped. The bench reads the
// screen an operator would see from it, whatever Ink sent to get there.

// eslint-disable-next-line no-control-regex
const TOKEN = /\u001b\[([?0-9;]*)([A-Za-z])|\u001b[78]|\n|\r|[^\u001b\n\r]+/g;

export class ScreenModel {
  private lines: string[] = [];
  private row = 0;
  private col = 0;

  constructor(private readonly rows: number) {}

  /** Applies one write. */
  write(data: string): void {
    for (const m of data.matchAll(TOKEN)) {
      const t = m[0];
      if (t === '\n') {
        this.row = Math.min(this.row + 1, this.rows - 1);
        this.col = 0;
      } else if (t === '\r') this.col = 0;
      else if (m[2] !== undefined) this.control(m[1] ?? '', m[2]);
      else if (t[0] !== '\u001b') this.text(t);
    }
  }

  /** The screen as text, trailing spaces and empty lines at the end cut. */
  snapshot(): string {
    const out = this.lines.map((l) => (l ?? '').trimEnd());
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out.join('\n');
  }

  private line(): string {
    return this.lines[this.row] ?? '';
  }

  private text(s: string): void {
    const l = this.line().padEnd(this.col, ' ');
    this.lines[this.row] = l.slice(0, this.col) + s + l.slice(this.col + s.length);
    this.col += s.length;
  }

  private control(args: string, op: string): void {
    if (args.startsWith('?')) return; // modes: cursor, synchronized output
    const n = args === '' ? 1 : Number(args.split(';')[0]) || 1;
    switch (op) {
      case 'A':
        this.row = Math.max(0, this.row - n);
        break;
      case 'B':
        this.row = Math.min(this.rows - 1, this.row + n);
        break;
      case 'E':
        this.row = Math.min(this.rows - 1, this.row + n);
        this.col = 0;
        break;
      case 'F':
        this.row = Math.max(0, this.row - n);
        this.col = 0;
        break;
      case 'G':
        this.col = n - 1;
        break;
      case 'H': {
        const [r, c] = args.split(';').map((x) => Number(x) || 1);
        this.row = (r ?? 1) - 1;
        this.col = (c ?? 1) - 1;
        break;
      }
      case 'K': {
        const mode = args === '' ? 0 : Number(args);
        if (mode === 2) this.lines[this.row] = '';
        else if (mode === 0) this.lines[this.row] = this.line().slice(0, this.col);
        break;
      }
      case 'J':
        if (args === '2' || args === '3') this.lines = [];
        else if (args === '' || args === '0') this.lines = this.lines.slice(0, this.row + 1).map((l, i) => (i === this.row ? (l ?? '').slice(0, this.col) : l));
        break;
      default:
        break; // SGR (m) and the rest: no effect on the text
    }
  }
}
