/** The one time format the service writes and compares as text (COMPAT.md). */
export const nowIso = (): string => new Date().toISOString();

export const toIso = (d: Date): string => d.toISOString();

/** api_keys stores Unix seconds; drizzle's timestamp mode maps them to Date. */
export const toUnixSeconds = (d: Date): number => Math.floor(d.getTime() / 1000);
