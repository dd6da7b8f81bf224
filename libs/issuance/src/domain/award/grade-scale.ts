import type { GradingSchemeSnapshot } from '../knowledge/spec-snapshot';

/**
 * Does `grade` reach `minimum` on the scheme? Numeric scales compare values; letter scales compare positions
 * (letters are listed best first). A grade that is not on the scale never reaches anything.
 */
export function reachesGrade(
  grade: number | string | undefined,
  minimum: number | string,
  scheme: GradingSchemeSnapshot | undefined,
): boolean {
  if (grade === undefined || !scheme) return false;
  if (scheme.type === 'numeric') {
    const value = typeof grade === 'number' ? grade : Number(grade);
    return Number.isFinite(value) && typeof minimum === 'number' && value >= minimum;
  }
  if (scheme.type === 'letter') {
    const letters = scheme.letters ?? [];
    const at = letters.indexOf(String(grade));
    const min = letters.indexOf(String(minimum));
    return at >= 0 && min >= 0 && at <= min;
  }
  return false;
}

/** Adds calendar months in UTC; the day is clamped to the target month's length (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  const target = new Date(
    Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth() + months,
      1,
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.toISOString();
}
