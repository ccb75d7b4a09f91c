process.env.TZ = 'Asia/Tokyo'; // words are read in the schedule's zone, never the machine's
import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../../db/scheduling/when.js';
import { ValidationError } from '../../../db/errors.js';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const utc = (text: string, tz: string, now: string): string => parseWhen(text, tz, new Date(now)).utc;

describe('parseWhen reads words in the schedule timezone', () => {
  it('"tomorrow 9am" the day New York springs forward gets that day\'s offset (EDT)', () => {
    const r = parseWhen('tomorrow 9am', NY, new Date('2026-03-07T15:00:00Z')); // Sat 10:00 EST
    expect(r.utc).toBe('2026-03-08T13:00:00.000Z');
    expect(r.inZone).toBe('2026-03-08 09:00 EDT');
    expect(r.at).toEqual(new Date('2026-03-08T13:00:00.000Z'));
  });

  it('"tomorrow 9am" the day Berlin falls back gets CET', () => {
    expect(utc('tomorrow 9am', BERLIN, '2026-10-24T10:00:00Z')).toBe('2026-10-25T08:00:00.000Z');
  });

  it('"tomorrow 9am" the day Berlin springs forward and New York falls back', () => {
    expect(utc('tomorrow 9am', BERLIN, '2026-03-28T10:00:00Z')).toBe('2026-03-29T07:00:00.000Z');
    expect(utc('tomorrow 9am', NY, '2026-10-31T15:00:00Z')).toBe('2026-11-01T14:00:00.000Z');
  });

  it('"in 2 hours" is exactly two hours, across the spring-forward gap', () => {
    expect(utc('in 2 hours', NY, '2026-03-08T06:30:00Z')).toBe('2026-03-08T08:30:00.000Z');
  });

  it('"next monday 14:00" and "in 3 days" keep the wall time in the zone', () => {
    expect(utc('next monday 14:00', NY, '2026-03-07T15:00:00Z')).toBe('2026-03-09T18:00:00.000Z');
    expect(utc('in 3 days', NY, '2026-03-06T15:00:00Z')).toBe('2026-03-09T14:00:00.000Z');
  });

  it('reads ISO dates without an offset as wall time in the zone, with one as an instant', () => {
    expect(utc('2026-07-01T09:00', NY, '2026-03-07T15:00:00Z')).toBe('2026-07-01T13:00:00.000Z');
    expect(utc('2026-07-01 09:00', NY, '2026-03-07T15:00:00Z')).toBe('2026-07-01T13:00:00.000Z');
    expect(utc('2026-07-01', BERLIN, '2026-03-07T15:00:00Z')).toBe('2026-06-30T22:00:00.000Z');
    expect(utc('2026-07-01T09:00+02:00', NY, '2026-03-07T15:00:00Z')).toBe('2026-07-01T07:00:00.000Z');
    expect(utc('2026-07-01T09:00Z', BERLIN, '2026-03-07T15:00:00Z')).toBe('2026-07-01T09:00:00.000Z');
  });

  it('moves a time that does not exist (02:30 on spring-forward day) ahead and says so', () => {
    const r = parseWhen('tomorrow 2:30am', NY, new Date('2026-03-07T15:00:00Z'));
    expect(r.utc).toBe('2026-03-08T07:30:00.000Z');
    expect(r.note).toMatch(/02:30 does not exist on 2026-03-08 in America\/New_York/);
    expect(parseWhen('2026-03-08T02:30', NY, new Date('2026-03-07T15:00:00Z')).note).toMatch(/read as 03:30/);
  });

  it('gives the same instant whatever the machine zone (the same words in Tokyo and UTC)', () => {
    const now = new Date('2026-03-07T15:00:00Z');
    const before = parseWhen('tomorrow 9am', NY, now).utc;
    process.env.TZ = 'UTC';
    try {
      expect(parseWhen('tomorrow 9am', NY, now).utc).toBe(before);
    } finally {
      process.env.TZ = 'Asia/Tokyo';
    }
  });
});

describe('parseWhen refusals', () => {
  it.each([
    ['banana', /could not read "banana" as a time/],
    ['remind me tomorrow', /not "remind me"/],
    ['2026-02-30', /not a valid date/],
    ['', /a time is needed/],
  ])('refuses %j with a sentence', (text, message) => {
    expect(() => parseWhen(text, NY)).toThrow(ValidationError);
    expect(() => parseWhen(text, NY)).toThrow(message);
  });

  it('refuses an unknown timezone with a suggestion', () => {
    expect(() => parseWhen('tomorrow 9am', 'Europe/Berlinn')).toThrow(/did you mean "Europe\/Berlin"/);
  });
});
