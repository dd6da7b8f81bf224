import { stackSpec } from '../../__fixtures__/specs.fixture';
import { evaluateIssuanceRule } from '../issuance-rule';

describe('issuance rule: every stack part awarded', () => {
  const part = (specId: string, credentialId: string) => ({ specId, credentialId, awardedAt: '2026-05-01T00:00:00.000Z' });

  it('waits for every part, whichever university awarded it', () => {
    const outcome = evaluateIssuanceRule(stackSpec, { results: {}, parts: { 'spec-joint': part('spec-joint', 'c1') } });
    expect(outcome).toEqual({ met: false, unmet: [{ rule: 'stack-part-missing', specId: 'spec-c' }] });
  });

  it('is met once all parts are awarded, naming the part credentials', () => {
    const outcome = evaluateIssuanceRule(stackSpec, {
      results: {},
      parts: { 'spec-c': part('spec-c', 'c2'), 'spec-joint': part('spec-joint', 'c1') },
    });
    expect(outcome).toEqual({ met: true, grades: [], partCredentialIds: ['c1', 'c2'] });
  });
});
