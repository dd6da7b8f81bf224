import { verdictOf } from './verdict';
import { check } from './verification-check';

describe('verdict', () => {
  it('is valid when every check passed or did not apply', () => {
    expect(verdictOf([check('proofs', 'passed', 'ok'), check('registry-keys', 'not-applicable', 'outside')])).toMatchObject({ verdict: 'valid', warnings: ['registry-keys: outside'] });
  });

  it('is invalid at the first failed check, naming it and why', () => {
    const v = verdictOf([check('proofs', 'passed', 'ok'), check('status', 'failed', 'Revoked.', [{ code: 'REVOKED', message: 'revoked: fraud' }]), check('annex-i', 'failed', 'x')]);
    expect(v).toMatchObject({ verdict: 'invalid', failure: { check: 'status', reason: 'revoked: fraud', code: 'REVOKED' } });
  });

  it('never calls a credential valid when its status could not be checked', () => {
    expect(verdictOf([check('proofs', 'passed', 'ok'), check('status', 'could-not-check', 'The status list could not be read.')])).toMatchObject({
      verdict: 'indeterminate',
      uncheckable: ['status: The status list could not be read.'],
    });
  });
});
