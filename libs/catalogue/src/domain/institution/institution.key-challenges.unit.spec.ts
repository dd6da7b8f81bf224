import { challenged, ID, ownAdmin, registered, spec, T0, withFirstKey } from '../__fixtures__/institution-history.fixture';
import { freshNonce } from '../__fixtures__/key-possession.fixture';
import { rejected } from '../__fixtures__/rejected';
import type { InstitutionCommand } from './institution.commands';
import type { InstitutionEvent } from './institution.events';

const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe('institution keys: challenges', () => {
  it('issues a challenge for a keyId, valid ten minutes', () => {
    const nonce = freshNonce();
    spec
      .given(registered())
      .when({ type: 'IssueKeyChallenge', institutionId: ID, keyId: 'aau-2026', nonce }, ownAdmin())
      .then({
        type: 'KeyChallengeIssued',
        data: { institutionId: ID, keyId: 'aau-2026', nonce, expiresAt: later(10).toISOString(), issuedAt: T0.toISOString() },
      });
  });

  it('refuses a malformed keyId, a keyId already registered, and a removed member', () => {
    const issue = (keyId: string): InstitutionCommand => ({ type: 'IssueKeyChallenge', institutionId: ID, keyId, nonce: freshNonce() });
    spec
      .given(registered())
      .when(issue('key 1/..'), ownAdmin())
      .thenThrows(rejected('key.key-id-format', 422, 'keyId'));
    spec
      .given(withFirstKey().history)
      .when(issue('key-1'), ownAdmin())
      .thenThrows(rejected('key.key-id-taken', 409, 'keyId'));
    const removed: InstitutionEvent = {
      type: 'InstitutionRemoved',
      data: { institutionId: ID, reason: 'left', removedAt: T0.toISOString() },
    };
    spec
      .given([...registered(), removed])
      .when(issue('key-1'), ownAdmin())
      .thenThrows(rejected('member-removed', 403));
  });

  it('bounds the open challenges to 20; expired and used ones do not count', () => {
    const open = Array.from({ length: 20 }, (_, i) => challenged(`key-${i + 1}`).issued);
    const issue: InstitutionCommand = { type: 'IssueKeyChallenge', institutionId: ID, keyId: 'one-more', nonce: freshNonce() };
    spec
      .given([...registered(), ...open])
      .when(issue, ownAdmin(later(9)))
      .thenThrows(rejected('key.too-many-challenges', 409));
    spec
      .given([...registered(), ...open])
      .when(issue, ownAdmin(later(10)))
      .thenState((s) => expect(s?.challenges.map((c) => c.keyId)).toEqual(['one-more']));
  });
});
