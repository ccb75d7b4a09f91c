import { ValidationError } from '../errors.js';

/** The platform's canonical spelling of an IANA zone name (for computing only, never to store), or null when it does not know it. */
export function canonicalTimezone(name: string): string | null {
  const trimmed = name.trim();
  // Intl also accepts offsets like "+02:00" on newer engines; a schedule needs a named zone for DST.
  if (!trimmed || /^[+-]\d/.test(trimmed)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const isValidTimezone = (name: string): boolean => canonicalTimezone(name) !== null;

let knownZones: readonly string[] | undefined;
function zoneNames(): readonly string[] {
  knownZones ??= [...Intl.supportedValuesOf('timeZone'), 'UTC'];
  return knownZones;
}

/** Edit distance, case-insensitive: enough to catch "America/New_Yrok". */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

/** The closest known zone name, when one is close enough to be a plausible typo. */
export function suggestTimezone(name: string): string | null {
  const wanted = name.trim();
  if (!wanted) return null;
  const city = wanted.split('/').pop()!.toLowerCase();
  let best: string | null = null;
  let bestScore = Infinity;
  for (const zone of zoneNames()) {
    const whole = distance(wanted, zone);
    // a bare city ("tokyo", "Berlinn") is matched against the last part of each zone
    const byCity = distance(city, zone.split('/').pop()!) + (wanted.includes('/') ? 1 : 0);
    const score = Math.min(whole, byCity);
    if (score < bestScore) {
      bestScore = score;
      best = zone;
    }
  }
  return best !== null && bestScore <= Math.max(2, Math.floor(wanted.length / 3)) ? best : null;
}

/**
 * The zone name as typed (only surrounding blanks dropped), once the platform knows it; else a
 * ValidationError that suggests the closest valid one. Never the canonical spelling: Node's ICU
 * turns `Asia/Kolkata` into `Asia/Calcutta`, and the service stores the name the user gave.
 */
export function assertTimezone(name: string): string {
  if (canonicalTimezone(name)) return name.trim();
  const hint = suggestTimezone(name);
  const tail = hint ? `; did you mean "${hint}"?` : '; use an IANA name such as "America/New_York" or "Europe/Berlin"';
  throw new ValidationError(`unknown timezone "${name}"${tail}`);
}
