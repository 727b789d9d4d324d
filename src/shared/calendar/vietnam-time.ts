// Vietnam local time (UTC+7, no daylight saving) as plain numbers: instants are epoch milliseconds, local days
// are day indexes since 1970-01-01. Integer arithmetic only, so deadline maths is exact and fast.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const VIETNAM_OFFSET_MS = 7 * HOUR_MS;

/** Local (UTC+7) day index of an instant. */
export function localDay(ms: number): number {
  return Math.floor((ms + VIETNAM_OFFSET_MS) / DAY_MS);
}

/** Milliseconds since local midnight of an instant. */
export function localTimeOfDay(ms: number): number {
  return ms + VIETNAM_OFFSET_MS - localDay(ms) * DAY_MS;
}

/** The instant at `timeOfDayMs` after local midnight of day `day`. */
export function instantAt(day: number, timeOfDayMs: number): number {
  return day * DAY_MS + timeOfDayMs - VIETNAM_OFFSET_MS;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function dayFromIso(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function isoFromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** "HH:MM" → milliseconds after midnight; undefined when malformed. */
export function parseTimeOfDay(value: string): number | undefined {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!match) return undefined;
  const ms = Number(match[1]) * HOUR_MS + Number(match[2]) * MINUTE_MS;
  return ms <= DAY_MS ? ms : undefined;
}

/** ISO-8601 in Vietnam time with its offset, e.g. 2026-02-13T16:59:00+07:00. */
export function formatVietnamIso(ms: number): string {
  const local = new Date(ms + VIETNAM_OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+07:00`;
}

/** Parses an ISO-8601 instant that carries an offset (Z or ±HH:MM); undefined otherwise. */
export function parseInstant(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
