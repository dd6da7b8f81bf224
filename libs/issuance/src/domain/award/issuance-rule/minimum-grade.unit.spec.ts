import { jointSpec, letterSpec, result } from '../../__fixtures__/specs.fixture';
import { evaluateIssuanceRule } from '../issuance-rule';

describe('issuance rule: minimum grade', () => {
  const enrolledAt = '2026-01-10T09:00:00.000Z';

  it('numeric: a pass below the minimum grade is not enough', () => {
    const outcome = evaluateIssuanceRule(jointSpec, {
      enrolledAt,
      results: { 'SES-1': result('SES-1', 5.5), 'SES-2': result('SES-2', 8) },
      parts: {},
    });
    expect(outcome).toEqual({ met: false, unmet: [{ rule: 'grade-below-minimum', componentCode: 'SES-1', grade: 5.5, minimum: 6 }] });
  });

  it('numeric: exactly the minimum is enough', () => {
    expect(
      evaluateIssuanceRule(jointSpec, { enrolledAt, results: { 'SES-1': result('SES-1', 6), 'SES-2': result('SES-2', 6) }, parts: {} }).met,
    ).toBe(true);
  });

  it('numeric: a grade sent as a numeric string still compares as a number', () => {
    expect(
      evaluateIssuanceRule(jointSpec, { enrolledAt, results: { 'SES-1': result('SES-1', '10'), 'SES-2': result('SES-2', 6) }, parts: {} })
        .met,
    ).toBe(true);
  });

  it('letter: B reaches C (best first), D does not', () => {
    expect(
      evaluateIssuanceRule(letterSpec, { results: { 'SES-1': result('SES-1', 'B'), 'SES-2': result('SES-2', 'C') }, parts: {} }).met,
    ).toBe(true);
    const outcome = evaluateIssuanceRule(letterSpec, {
      results: { 'SES-1': result('SES-1', 'B'), 'SES-2': result('SES-2', 'D') },
      parts: {},
    });
    expect(outcome).toMatchObject({ met: false, unmet: [{ rule: 'grade-below-minimum', componentCode: 'SES-2' }] });
  });

  it('letter: a grade off the scale never counts', () => {
    const outcome = evaluateIssuanceRule(letterSpec, {
      results: { 'SES-1': result('SES-1', 'A+'), 'SES-2': result('SES-2', 'A') },
      parts: {},
    });
    expect(outcome.met).toBe(false);
  });

  it('a missing grade where a minimum applies is not enough', () => {
    expect(
      evaluateIssuanceRule(jointSpec, {
        enrolledAt,
        results: { 'SES-1': result('SES-1', undefined), 'SES-2': result('SES-2', 9) },
        parts: {},
      }).met,
    ).toBe(false);
  });
});
