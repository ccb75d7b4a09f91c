import * as chrono from 'chrono-node';
import { DateTime, FixedOffsetZone } from 'luxon';
import { ValidationError } from '../errors.js';
import { assertTimezone } from './timezone.js';
import { formatInZone } from './format.js';

export interface ParsedWhen {
  at: Date;
  /** the instant in the schedule's timezone, e.g. "2026-03-09 09:00 EDT" */
  inZone: string;
  /** the instant as the service stores it (toISOString) */
  utc: string;
  /** set when the wall time does not exist that day (clocks skipped ahead) and was moved */
  note?: string;
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const EXAMPLES = '"tomorrow 9am", "in 2 hours", "next monday 14:00" or an ISO date like 2026-05-01T09:00';
const ISO_START = /^\d{4}-\d{2}-\d{2}(?:$|[T ])/;

function result(at: DateTime, zone: string, note?: string): ParsedWhen {
  const date = at.toJSDate();
  return { at: date, inZone: formatInZone(date, zone), utc: date.toISOString(), ...(note ? { note } : {}) };
}

const OFFSET_END = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** Wall time placed in the zone; a time inside a daylight-saving gap moves ahead, and says so. */
function placeWall(wall: WallTime, zone: string, text: string): ParsedWhen {
  const dt = DateTime.fromObject(wall, { zone });
  if (!dt.isValid) throw new ValidationError(`could not read "${text}" as a time: ${dt.invalidExplanation ?? dt.invalidReason}`);
  if (dt.hour === wall.hour && dt.minute === wall.minute) return result(dt, zone);
  const asked = `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
  return result(dt, zone, `${asked} does not exist on ${dt.toISODate()} in ${zone} (clocks skip ahead); read as ${dt.toFormat('HH:mm')}`);
}

/** ISO dates: with an offset they name an instant; without one they are wall time in the schedule's zone. */
function parseIso(text: string, zone: string): ParsedWhen {
  const iso = text.replace(' ', 'T');
  const dt = DateTime.fromISO(iso, { zone: 'UTC' });
  if (!dt.isValid) throw new ValidationError(`"${text}" is not a valid date: ${dt.invalidExplanation ?? dt.invalidReason}`);
  if (OFFSET_END.test(iso) && iso.includes('T')) return result(dt, zone);
  const { year, month, day, hour, minute, second, millisecond } = dt;
  return placeWall({ year, month, day, hour, minute, second, millisecond }, zone, text);
}

/**
 * Reads a time in words in the SCHEDULE's timezone (not the machine's). chrono-node reads the
 * words against the zone's current offset; the wall-clock result is then placed in the zone with
 * luxon, so a date on the other side of a daylight-saving change gets that day's offset.
 */
export function parseWhen(text: string, timezone: string, now: Date = new Date()): ParsedWhen {
  const zone = assertTimezone(timezone);
  const input = text.trim();
  if (!input) throw new ValidationError(`a time is needed, e.g. ${EXAMPLES}`);
  if (ISO_START.test(input)) return parseIso(input, zone);

  const offset = DateTime.fromJSDate(now, { zone }).offset;
  const [found] = chrono.parse(input, { instant: now, timezone: offset }, { forwardDate: true });
  if (!found) throw new ValidationError(`could not read "${input}" as a time; try ${EXAMPLES}`);
  const rest = (input.slice(0, found.index) + input.slice(found.index + found.text.length)).trim();
  if (/[\p{L}\p{N}]/u.test(rest)) {
    throw new ValidationError(`read "${found.text}" as a time but not "${rest}"; enter only the time, e.g. ${EXAMPLES}`);
  }

  const c = found.start;
  const wall: WallTime = {
    year: c.get('year')!,
    month: c.get('month')!,
    day: c.get('day')!,
    hour: c.get('hour') ?? 0,
    minute: c.get('minute') ?? 0,
    second: c.get('second') ?? 0,
    millisecond: c.get('millisecond') ?? 0,
  };
  // "in 2 hours" and "9am UTC" carry their own offset: they name an instant, not a wall time
  if (c.isCertain('timezoneOffset')) {
    return result(DateTime.fromObject(wall, { zone: FixedOffsetZone.instance(c.get('timezoneOffset')!) }), zone);
  }
  return placeWall(wall, zone, input);
}
