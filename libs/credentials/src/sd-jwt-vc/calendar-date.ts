// SD-JWT VC learning credentials carry dates as ISO 8601 full-dates (YYYY-MM-DD) and times as epoch seconds.

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_SECONDS = 86_400;

/** A calendar date given either as a `YYYY-MM-DD` string or as a Date, whose UTC day is taken. */
export type CalendarDateInput = string | Date;

/**
 * The `YYYY-MM-DD` form of a date. Strings must already be a real calendar day (2026-02-30 is refused),
 * so a typo is never silently rolled over into the next month.
 */
export function toFullDate(value: CalendarDateInput, field: string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError(`${field} is an invalid Date`);
    return value.toISOString().slice(0, 10);
  }
  const match = typeof value === 'string' ? FULL_DATE.exec(value) : null;
  if (!match) throw new TypeError(`${field} must be a YYYY-MM-DD date or a Date, got ${JSON.stringify(value)}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) {
    throw new TypeError(`${field} is not a calendar date: ${value}`);
  }
  return value;
}

/** Epoch seconds of the first instant after a `YYYY-MM-DD` day (UTC): the day is valid until then. */
export function endOfDaySeconds(fullDate: string): number {
  return Date.parse(`${fullDate}T00:00:00Z`) / 1000 + DAY_SECONDS;
}

/** Whole epoch seconds of an instant, as JWT NumericDate claims are written. */
export function epochSeconds(instant: Date): number {
  return Math.floor(instant.getTime() / 1000);
}
