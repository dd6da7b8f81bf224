import { AssessmentException } from './assessment.exception';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Somewhere on Earth it is already tomorrow: the furthest time zone is UTC+14. */
const EARLIEST_ZONE_MS = 14 * 3600_000;

/** An assessment date is a real calendar date, not in the future where the assessor is. */
export function assessmentDate(raw: unknown, now: Date, field = 'assessedOn'): string {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const m = ISO_DATE.exec(text);
  const date = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : undefined;
  if (!m || !date || date.getUTCFullYear() !== +m[1] || date.getUTCMonth() !== +m[2] - 1 || date.getUTCDate() !== +m[3]) {
    throw new AssessmentException(
      'assessment.assessment-date-invalid',
      `${field} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(raw ?? null)}`,
      field,
    );
  }
  const latestToday = new Date(now.getTime() + EARLIEST_ZONE_MS).toISOString().slice(0, 10);
  if (text > latestToday) {
    throw new AssessmentException('assessment.assessment-date-in-future', `${field} ${text} lies in the future`, field);
  }
  if (+m[1] < 1900) throw new AssessmentException('assessment.assessment-date-invalid', `${field} ${text} is implausibly old`, field);
  return text;
}
