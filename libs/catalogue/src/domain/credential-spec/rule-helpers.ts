import { violation, type Violation } from '../catalogue.exception';

/** Upper bound of a micro-credential's workload: larger learning belongs to a full programme. */
export const MAX_ECTS = 60;

export function isEcts(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value > 0 &&
    value <= MAX_ECTS &&
    Math.abs(value * 100 - Math.round(value * 100)) < 1e-6
  );
}

/** Sums ECTS in hundredths so 2.5 + 2.5 + 1.25 compares exactly. */
export function sumEcts(values: number[]): number {
  return values.reduce((sum, v) => sum + Math.round(v * 100), 0) / 100;
}

export function text(value: unknown, field: string, min: number, max: number, required: boolean, out: Violation[]): void {
  if (value === undefined || value === null) {
    if (required) out.push(violation(field, 'annex-i.required', `${field} is required`));
    return;
  }
  if (typeof value !== 'string' || value.trim().length < min || value.length > max) {
    out.push(violation(field, 'definition.text-length', `${field} must be text of ${min} to ${max} characters`));
  }
}

export function oneOf(value: unknown, field: string, allowed: readonly string[], rule: string, required: boolean, out: Violation[]): void {
  if (value === undefined || value === null) {
    if (required) out.push(violation(field, 'annex-i.required', `${field} is required (one of ${allowed.join(', ')})`));
  } else if (typeof value !== 'string' || !allowed.includes(value)) {
    out.push(violation(field, rule, `${field} must be one of ${allowed.join(', ')}`));
  }
}
