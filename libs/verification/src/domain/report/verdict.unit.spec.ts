import { verdictOf } from './verdict';
import { check } from './verification-check';

describe('verdict', () => {
  it('is valid only when every check passed and the registry vouched for every awarding body', () => {
    expect(
      verdictOf([check('proofs', 'passed', 'ok'), check('registry-keys', 'passed', 'members'), check('status', 'passed', 'good')]),
    ).toEqual({ verdict: 'valid', warnings: [], uncheckable: [] });
  });

  it('is unverified-issuer, never valid, when an awarding body is outside the alliance registry', () => {
    const outside = check('registry-keys', 'not-applicable', 'outside', [
      { code: 'ISSUER_NOT_IN_REGISTRY', message: 'Outside College (did:key:z6Mk)' },
    ]);
    expect(verdictOf([check('proofs', 'passed', 'ok'), outside])).toEqual({
      verdict: 'unverified-issuer',
      outsideRegistry: ['Outside College (did:key:z6Mk)'],
      warnings: ['registry-keys: outside'],
      uncheckable: [],
    });
    const mixed = check('registry-keys', 'warning', 'one body is outside', [{ code: 'ISSUER_NOT_IN_REGISTRY', message: 'did:key:z6Mk' }]);
    expect(verdictOf([check('proofs', 'passed', 'ok'), mixed]).verdict).toBe('unverified-issuer');
    expect(verdictOf([check('proofs', 'passed', 'ok'), check('registry-keys', 'not-applicable', 'outside')]).verdict).toBe(
      'unverified-issuer',
    );
  });

  it('says could not be fully checked before it says outside the registry', () => {
    const outside = check('registry-keys', 'not-applicable', 'outside', [{ code: 'ISSUER_NOT_IN_REGISTRY', message: 'x' }]);
    expect(verdictOf([outside, check('status', 'could-not-check', 'unreadable')]).verdict).toBe('indeterminate');
  });

  it('names an impersonation as the failure, before any other failed check', () => {
    const v = verdictOf([
      check('co-issuance', 'failed', 'unsigned', [{ code: 'MISSING_REQUIRED_SIGNER', message: 'no proof' }]),
      check('registry-keys', 'failed', 'x', [
        { code: 'IMPERSONATION', message: 'issuer claims to be Aalborg University (did:web:aau.dk)' },
      ]),
    ]);
    expect(v).toMatchObject({
      verdict: 'invalid',
      failure: { check: 'registry-keys', code: 'IMPERSONATION', reason: 'issuer claims to be Aalborg University (did:web:aau.dk)' },
    });
  });

  it('is invalid at the first failed check, naming it and why', () => {
    const v = verdictOf([
      check('proofs', 'passed', 'ok'),
      check('status', 'failed', 'Revoked.', [{ code: 'REVOKED', message: 'revoked: fraud' }]),
      check('annex-i', 'failed', 'x'),
    ]);
    expect(v).toMatchObject({ verdict: 'invalid', failure: { check: 'status', reason: 'revoked: fraud', code: 'REVOKED' } });
  });

  it('never calls a credential valid when its status could not be checked', () => {
    expect(
      verdictOf([check('proofs', 'passed', 'ok'), check('status', 'could-not-check', 'The status list could not be read.')]),
    ).toMatchObject({
      verdict: 'indeterminate',
      uncheckable: ['status: The status list could not be read.'],
    });
  });
});
