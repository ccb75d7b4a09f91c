process.env.TZ = 'Asia/Tokyo'; // the machine's zone differs from every schedule's: results must not depend on it
import { describe, expect, it } from 'vitest';
import { nextRuns, nextRun, describeCron, parseCronPattern } from '../../../db/scheduling/cron.js';
import { assertTimezone, suggestTimezone, isValidTimezone } from '../../../db/scheduling/timezone.js';
import { formatInZone, formatRelative } from '../../../db/scheduling/format.js';
import { ValidationError } from '../../../db/errors.js';

const iso = (ds: Date[]): string[] => ds.map((d) => d.toISOString());

describe('the machine runs in another zone', () => {
  it('is Tokyo for this file', () => {
    expect(new Date('2026-01-01T00:00:00Z').getTimezoneOffset()).toBe(-540);
  });
});

describe('nextRuns across daylight-saving changes', () => {
  it('keeps 09:00 in New York when clocks spring forward (8 March 2026)', () => {
    const runs = nextRuns('0 9 * * *', 'America/New_York', 3, new Date('2026-03-06T15:00:00Z'));
    expect(iso(runs)).toEqual(['2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z', '2026-03-09T13:00:00.000Z']);
  });

  it('keeps 09:00 in New York when clocks fall back (1 November 2026)', () => {
    const runs = nextRuns('0 9 * * *', 'America/New_York', 3, new Date('2026-10-30T15:00:00Z'));
    expect(iso(runs)).toEqual(['2026-10-31T13:00:00.000Z', '2026-11-01T14:00:00.000Z', '2026-11-02T14:00:00.000Z']);
  });

  it('keeps 09:00 in Berlin around 29 March and 25 October 2026', () => {
    expect(iso(nextRuns('0 9 * * *', 'Europe/Berlin', 3, new Date('2026-03-27T12:00:00Z')))).toEqual(['2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z', '2026-03-30T07:00:00.000Z']);
    expect(iso(nextRuns('0 9 * * *', 'Europe/Berlin', 3, new Date('2026-10-23T12:00:00Z')))).toEqual(['2026-10-24T07:00:00.000Z', '2026-10-25T08:00:00.000Z', '2026-10-26T08:00:00.000Z']);
  });

  it('runs an hourly job an hour apart through the repeated hour in New York', () => {
    const runs = nextRuns('0 * * * *', 'America/New_York', 4, new Date('2026-11-01T04:30:00Z'));
    expect(iso(runs)).toEqual(['2026-11-01T05:00:00.000Z', '2026-11-01T06:00:00.000Z', '2026-11-01T07:00:00.000Z', '2026-11-01T08:00:00.000Z']);
  });

  it('runs a daily 02:30 job at 03:00 on the day 02:30 does not exist', () => {
    const runs = nextRuns('30 2 * * *', 'America/New_York', 2, new Date('2026-03-07T12:00:00Z'));
    expect(iso(runs)).toEqual(['2026-03-08T07:00:00.000Z', '2026-03-09T06:30:00.000Z']);
  });

  it('defaults to five runs, and nextRun is null for an expression that never fires', () => {
    expect(nextRuns('0 9 * * 1-5', 'UTC')).toHaveLength(5);
    expect(nextRun('0 0 30 2 *', 'UTC')).toBeNull();
  });
});

describe('cron validation', () => {
  it.each(['0 9 * *', '0 0 9 * * *', '61 9 * * *', 'every day', ''])('refuses %j', (cron) => {
    expect(() => parseCronPattern(cron)).toThrow(ValidationError);
    expect(() => nextRuns(cron, 'UTC')).toThrow(ValidationError);
  });

  it('says what is wrong without the library prefix', () => {
    expect(() => parseCronPattern('61 9 * * *')).toThrow(/^cron expression "61 9 \* \* \*" is invalid: Invalid value for minute: 61$/);
  });
});

describe('describeCron', () => {
  it('puts the expression in words', () => {
    expect(describeCron('0 9 * * 1-5')).toBe('At 09:00 AM, Monday through Friday');
    expect(describeCron('0 * * * *')).toBe('Every hour');
  });
  it('falls back to the raw text when it cannot read it', () => {
    expect(describeCron('not a cron')).toBe('not a cron');
  });
});

describe('timezones', () => {
  it('accepts IANA names and returns them as typed, never the ICU spelling (Asia/Kolkata is not Asia/Calcutta)', () => {
    expect(assertTimezone('America/New_York')).toBe('America/New_York');
    expect(assertTimezone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(assertTimezone('Europe/Kyiv')).toBe('Europe/Kyiv');
    expect(assertTimezone(' europe/berlin ')).toBe('europe/berlin');
    expect(assertTimezone('UTC')).toBe('UTC');
    expect(isValidTimezone('+02:00')).toBe(false);
  });

  it('refuses an unknown name with the closest valid one', () => {
    expect(() => assertTimezone('America/New_Yrok')).toThrow('unknown timezone "America/New_Yrok"; did you mean "America/New_York"?');
    expect(suggestTimezone('Europe/Berln')).toBe('Europe/Berlin');
    expect(suggestTimezone('Tokio')).toBe('Asia/Tokyo');
  });

  it('suggests nothing for a name far from every zone', () => {
    expect(suggestTimezone('Nowhere/At_All_Really')).toBeNull();
    expect(() => assertTimezone('Nowhere/At_All_Really')).toThrow(/use an IANA name/);
  });
});

describe('formatting for screens', () => {
  it('shows an instant in the schedule zone, not the machine zone', () => {
    expect(formatInZone(new Date('2026-03-09T13:00:00Z'), 'America/New_York')).toBe('2026-03-09 09:00 EDT');
    expect(formatInZone(new Date('2026-01-15T08:00:00Z'), 'Europe/Berlin')).toBe('2026-01-15 09:00 GMT+1');
  });

  it('says how far away a time is', () => {
    const now = new Date('2026-03-09T12:00:00Z');
    expect(formatRelative(new Date('2026-03-09T15:10:00Z'), now)).toBe('in 3 h');
    expect(formatRelative(new Date('2026-03-07T11:00:00Z'), now)).toBe('2 d ago');
    expect(formatRelative(new Date('2026-03-09T12:05:00Z'), now)).toBe('in 5 min');
    expect(formatRelative(new Date('2026-03-09T11:59:30Z'), now)).toBe('30 s ago');
    expect(formatRelative(now, now)).toBe('now');
  });
});
