process.env.TZ = 'Asia/Tokyo';
import { describe, expect, it } from 'vitest';
import { intervalRefusal, offsetChanges } from '../../../db/scheduling/interval.js';
import { planTiming, assertQuota, MAX_SCHEDULES_PER_OWNER } from '../../../db/scheduling/rules.js';
import { ValidationError } from '../../../db/errors.js';

const NOW = new Date('2026-01-10T12:00:00Z');
const DAY = 86_400_000;

describe('a recurring schedule runs at most once an hour, checked over every gap', () => {
  it.each(['0 * * * *', '0 9 * * 1-5', '15 */2 * * *', '0 0 1 * *', '59 23 * * 0'])('accepts %j', (cron) => {
    expect(intervalRefusal(cron, 'America/New_York', NOW)).toBeNull();
    expect(intervalRefusal(cron, 'Europe/Berlin', NOW)).toBeNull();
  });

  it('refuses "46,49 6 * * *" although its next two runs are a day apart', () => {
    expect(intervalRefusal('46,49 6 * * *', 'UTC', NOW)).toBe('"46,49 6 * * *" runs at 06:46 and again at 06:49, 3 minutes later; a recurring schedule may run at most once an hour');
  });

  it.each(['*/30 * * * *', '* * * * *', '0,59 3 * * *', '0,30 9 1 1 *'])('refuses %j', (cron) => {
    expect(intervalRefusal(cron, 'UTC', NOW)).toMatch(/at most once an hour/);
  });

  it('refuses a job that runs twice in a repeated half hour (Australia/Lord_Howe falls back 30 min)', () => {
    expect(intervalRefusal('45 1,5 * * *', 'Australia/Lord_Howe', NOW)).toMatch(/30 minutes later \(a clock change\)/);
    expect(intervalRefusal('45 1,5 * * *', 'Europe/Berlin', NOW)).toBeNull();
  });

  it('finds the two clock changes of a year in New York and none in Tokyo', () => {
    expect(offsetChanges('America/New_York', NOW).map((d) => d.toISOString())).toEqual(['2026-03-08T07:00:00.000Z', '2026-11-01T06:00:00.000Z']);
    expect(offsetChanges('Asia/Tokyo', NOW)).toEqual([]);
  });
});

describe('planTiming', () => {
  it('gives a recurring schedule its first run in its own zone', () => {
    const t = planTiming({ timezone: 'America/New_York', cronExpression: '0 9 * * 1-5' }, NOW);
    expect(t).toEqual({ timezone: 'America/New_York', isRecurring: true, cronExpression: '0 9 * * 1-5', nextExecutionAt: '2026-01-12T14:00:00.000Z', expiresAt: null });
  });

  it('refuses a recurring schedule that is too frequent, invalid or never runs', () => {
    expect(() => planTiming({ timezone: 'UTC', cronExpression: '*/30 * * * *' }, NOW)).toThrow(/at most once an hour/);
    expect(() => planTiming({ timezone: 'UTC', cronExpression: '0 9 * *' }, NOW)).toThrow(/exactly five fields/);
    expect(() => planTiming({ timezone: 'UTC', cronExpression: '0 0 30 2 *' }, NOW)).toThrow(/never runs/);
  });

  it('accepts a one-shot time in the future up to 365 days ahead, stored as toISOString', () => {
    const t = planTiming({ timezone: 'Europe/Berlin', scheduledFor: '2026-01-11T10:00:00+01:00' }, NOW);
    expect(t.nextExecutionAt).toBe('2026-01-11T09:00:00.000Z');
    expect(t.isRecurring).toBe(false);
    const limit = new Date(NOW.getTime() + 365 * DAY);
    expect(planTiming({ timezone: 'UTC', scheduledFor: limit }, NOW).nextExecutionAt).toBe(limit.toISOString());
  });

  it('refuses a one-shot time in the past, now, more than 365 days ahead, missing or unreadable', () => {
    expect(() => planTiming({ timezone: 'UTC', scheduledFor: new Date(NOW.getTime() - 1000) }, NOW)).toThrow(/has passed/);
    expect(() => planTiming({ timezone: 'UTC', scheduledFor: NOW }, NOW)).toThrow(/has passed/);
    expect(() => planTiming({ timezone: 'UTC', scheduledFor: new Date(NOW.getTime() + 365 * DAY + 60_000) }, NOW)).toThrow(/more than 365 days ahead/);
    expect(() => planTiming({ timezone: 'UTC' }, NOW)).toThrow(/needs a time/);
    expect(() => planTiming({ timezone: 'UTC', scheduledFor: 'soonish' }, NOW)).toThrow(/not a valid date/);
  });

  it('needs the expiry after the first run', () => {
    const first = '2026-01-12T14:00:00.000Z';
    expect(planTiming({ timezone: 'America/New_York', cronExpression: '0 9 * * 1-5', expiresAt: '2026-01-12T14:00:01Z' }, NOW).expiresAt).toBe('2026-01-12T14:00:01.000Z');
    expect(() => planTiming({ timezone: 'America/New_York', cronExpression: '0 9 * * 1-5', expiresAt: first }, NOW)).toThrow(
      'the expiry 2026-01-12 09:00 EST must be after the first run 2026-01-12 09:00 EST',
    );
    expect(() => planTiming({ timezone: 'UTC', scheduledFor: '2026-02-01T00:00:00Z', expiresAt: '2026-01-20T00:00:00Z' }, NOW)).toThrow(ValidationError);
  });

  it('refuses an unknown timezone with a suggestion', () => {
    expect(() => planTiming({ timezone: 'America/New_Yrok', cronExpression: '0 9 * * *' }, NOW)).toThrow(/did you mean "America\/New_York"/);
  });
});

describe('quota', () => {
  it('allows up to 50 and refuses the 51st', () => {
    expect(() => assertQuota('U1', MAX_SCHEDULES_PER_OWNER - 1)).not.toThrow();
    expect(() => assertQuota('U1', MAX_SCHEDULES_PER_OWNER)).toThrow('U1 already has 50 pending, active or paused schedules; the limit is 50 (cancel some first)');
  });
});
