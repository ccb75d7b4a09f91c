import { afterEach, describe, expect, it } from 'vitest';
import { machineZone } from '../../screens/schedules/schedule-draft.js';

const saved = process.env.TZ;
afterEach(() => {
  process.env.TZ = saved;
});

describe('the zone a new schedule starts in', () => {
  it('is the machine zone as TZ names it, not the ICU spelling (Asia/Kolkata, not Asia/Calcutta)', () => {
    process.env.TZ = 'Asia/Kolkata'; // Node 20's ICU resolves it as Asia/Calcutta
    expect(machineZone()).toBe('Asia/Kolkata');
  });

  it('falls back to the resolved zone when TZ is no zone name', () => {
    process.env.TZ = ':/etc/localtime';
    expect(machineZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  });
});
