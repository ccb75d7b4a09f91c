/** The longest expiry the form accepts: ten years. */
export const MAX_EXPIRY_DAYS = 3650;

/** What the operator typed as "expires in days": no expiry when empty, else a time, else why not. */
export function expiryFromDays(text: string, now: number = Date.now()): { ok: true; expiresAt?: Date } | { ok: false; error: string } {
  const t = text.trim();
  if (t === '') return { ok: true };
  const days = Number(t);
  if (!/^\d+(\.\d+)?$/.test(t) || !(days > 0) || days > MAX_EXPIRY_DAYS) {
    return { ok: false, error: `days must be a number from 1 to ${MAX_EXPIRY_DAYS}, or empty for no expiry` };
  }
  return { ok: true, expiresAt: new Date(now + days * 86_400_000) };
}
