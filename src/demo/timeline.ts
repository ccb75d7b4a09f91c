import type { Rng } from './prng.js';

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** How busy an hour is: recent weeks busier (usage grows), weekdays and working hours busier. */
function hourWeight(start: number, now: number): number {
  const ageDays = (now - start) / DAY;
  const d = new Date(start);
  const weekday = d.getUTCDay();
  const hour = d.getUTCHours();
  const recency = 0.25 + Math.exp(-ageDays / 40);
  const week = weekday === 0 || weekday === 6 ? 0.25 : 1;
  const working = hour >= 7 && hour < 19 ? 1 : hour >= 5 && hour < 23 ? 0.35 : 0.06;
  return recency * week * working;
}

/**
 * Hands out `count` increasing times over the last `days` days ending at `now`, following the
 * hourly weights, so ids and times rise together the way a live service writes them.
 */
export class Timeline {
  private readonly cumulative: Float64Array;
  private readonly start: number;
  private readonly total: number;
  private index = 0;
  private bucket = 0;

  constructor(
    private readonly rng: Rng,
    private readonly now: number,
    days: number,
    private readonly count: number,
  ) {
    const hours = Math.ceil((days * DAY) / HOUR);
    this.start = now - hours * HOUR;
    this.cumulative = new Float64Array(hours);
    let sum = 0;
    for (let h = 0; h < hours; h++) {
      sum += hourWeight(this.start + h * HOUR, now);
      this.cumulative[h] = sum;
    }
    this.total = sum;
  }

  /** the next time in ms; never earlier than the previous one, never later than `now` */
  next(): number {
    const u = Math.min((this.index + this.rng.next()) / this.count, 1) * this.total;
    this.index++;
    const last = this.cumulative.length - 1;
    while (this.bucket < last && this.cumulative[this.bucket]! < u) this.bucket++;
    const before = this.bucket === 0 ? 0 : this.cumulative[this.bucket - 1]!;
    const width = this.cumulative[this.bucket]! - before;
    const frac = width > 0 ? Math.min(Math.max((u - before) / width, 0), 1) : 0;
    return Math.min(Math.floor(this.start + (this.bucket + frac) * HOUR), this.now);
  }
}

/** a Slack message timestamp (`1732621509.075300`) for a time in ms */
export function slackTs(ms: number, rng: Rng): string {
  return `${Math.floor(ms / 1000)}.${String(rng.int(0, 999_999)).padStart(6, '0')}`;
}
