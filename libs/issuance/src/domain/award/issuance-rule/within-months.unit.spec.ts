import { jointSpec, result } from '../../__fixtures__/specs.fixture';
import { addMonths } from '../grade-scale';
import { evaluateIssuanceRule } from '../issuance-rule';

describe('issuance rule: passed within months of enrolment', () => {
  const enrolledAt = '2026-01-31T12:00:00.000Z';

  it('counts calendar months, clamping to the end of a short month', () => {
    expect(addMonths(enrolledAt, 1)).toBe('2026-02-28T12:00:00.000Z');
    expect(addMonths(enrolledAt, 6)).toBe('2026-07-31T12:00:00.000Z');
  });

  it('accepts a result on the deadline itself', () => {
    const results = { 'SES-1': result('SES-1', 7, '2026-07-31T12:00:00.000Z'), 'SES-2': result('SES-2', 7) };
    expect(evaluateIssuanceRule(jointSpec, { enrolledAt, results, parts: {} }).met).toBe(true);
  });

  it('rejects a pass after the deadline and says when the deadline was', () => {
    const results = { 'SES-1': result('SES-1', 7, '2026-08-01T00:00:00.000Z'), 'SES-2': result('SES-2', 7) };
    expect(evaluateIssuanceRule(jointSpec, { enrolledAt, results, parts: {} })).toEqual({
      met: false,
      unmet: [
        {
          rule: 'passed-after-deadline',
          componentCode: 'SES-1',
          assessedAt: '2026-08-01T00:00:00.000Z',
          deadline: '2026-07-31T12:00:00.000Z',
        },
      ],
    });
  });
});
