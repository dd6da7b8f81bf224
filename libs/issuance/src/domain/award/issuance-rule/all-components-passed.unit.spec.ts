import { jointSpec, passFailSpec, result } from '../../__fixtures__/specs.fixture';
import { evaluateIssuanceRule } from '../issuance-rule';

describe('issuance rule: every component passed', () => {
  const enrolledAt = '2026-01-10T09:00:00.000Z';

  it('is met when each university passed its component', () => {
    const outcome = evaluateIssuanceRule(passFailSpec, {
      enrolledAt,
      results: { 'SES-1': result('SES-1', undefined), 'SES-2': result('SES-2', undefined) },
      parts: {},
    });
    expect(outcome).toEqual({
      met: true,
      grades: [expect.objectContaining({ componentCode: 'SES-1' }), expect.objectContaining({ componentCode: 'SES-2' })],
      partCredentialIds: [],
    });
  });

  it('names every component still without a result', () => {
    const outcome = evaluateIssuanceRule(passFailSpec, { enrolledAt, results: { 'SES-1': result('SES-1', undefined) }, parts: {} });
    expect(outcome).toEqual({ met: false, unmet: [{ rule: 'result-missing', componentCode: 'SES-2' }] });
  });

  it('is not met by a failed component', () => {
    const outcome = evaluateIssuanceRule(passFailSpec, {
      enrolledAt,
      results: { 'SES-1': result('SES-1', undefined), 'SES-2': result('SES-2', undefined, undefined, false) },
      parts: {},
    });
    expect(outcome).toEqual({ met: false, unmet: [{ rule: 'component-failed', componentCode: 'SES-2' }] });
  });

  it('carries the grades in definition order, whatever order the results came in', () => {
    const outcome = evaluateIssuanceRule(jointSpec, {
      enrolledAt,
      results: { 'SES-2': result('SES-2', 9), 'SES-1': result('SES-1', 7) },
      parts: {},
    });
    expect(outcome.met && outcome.grades.map((g) => [g.componentCode, g.grade])).toEqual([
      ['SES-1', 7],
      ['SES-2', 9],
    ]);
  });
});
