import { AssessmentException } from './assessment.exception';
import type { GradingScheme } from './knowledge';

export type Grade = number | string;

export interface GradeOutcome {
  /** The grade as the scheme writes it (a number on a numeric scale, the scheme's own letter or pass/fail). */
  grade: Grade;
  passed: boolean;
}

const PASS_FAIL: GradingScheme = { type: 'pass-fail' };

/**
 * Reads a grade on the definition's scheme and derives `passed` from it: the registrar never states
 * "passed" on its own, so it cannot contradict the grade.
 */
export function gradeOnScheme(raw: unknown, scheme: GradingScheme = PASS_FAIL, field = 'grade'): GradeOutcome {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    throw new AssessmentException('assessment.grade-missing', 'a grade is required', field);
  }
  if (typeof raw !== 'string' && typeof raw !== 'number') throw outside(raw, scheme, field);
  switch (scheme.type) {
    case 'pass-fail': {
      const text = String(raw).trim().toLowerCase();
      if (text === 'pass' || text === 'passed') return { grade: 'pass', passed: true };
      if (text === 'fail' || text === 'failed') return { grade: 'fail', passed: false };
      throw outside(raw, scheme, field);
    }
    case 'numeric': {
      const value = typeof raw === 'number' ? raw : /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
      const { minimum = 0, maximum = 100, passMark = minimum } = scheme;
      if (!Number.isFinite(value) || value < minimum || value > maximum) throw outside(raw, scheme, field);
      return { grade: value, passed: value >= passMark };
    }
    case 'letter': {
      const letters = scheme.letters ?? [];
      const text = String(raw).trim();
      const at =
        letters.findIndex((l) => l === text) >= 0
          ? letters.indexOf(text)
          : letters.findIndex((l) => l.toLowerCase() === text.toLowerCase());
      if (at < 0) throw outside(raw, scheme, field);
      const lowest = letters.indexOf(scheme.lowestPassingLetter ?? letters[letters.length - 1]);
      return { grade: letters[at], passed: at <= lowest };
    }
  }
}

export function describeScheme(scheme: GradingScheme): string {
  switch (scheme.type) {
    case 'pass-fail':
      return 'pass or fail';
    case 'numeric':
      return `a number from ${scheme.minimum} to ${scheme.maximum} (pass mark ${scheme.passMark})`;
    case 'letter':
      return `one of ${(scheme.letters ?? []).join(', ')} (lowest pass ${scheme.lowestPassingLetter})`;
  }
}

function outside(raw: unknown, scheme: GradingScheme, field: string): AssessmentException {
  return new AssessmentException(
    'assessment.grade-outside-scheme',
    `grade ${JSON.stringify(raw)} is not on the grading scheme: expected ${describeScheme(scheme)}`,
    field,
    {
      gradingScheme: scheme,
    },
  );
}
