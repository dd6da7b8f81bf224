import { adminOf as specAdminOf, proposed, spec as specSpec } from '../__fixtures__/credential-spec-history.fixture';
import {
  addWithProof,
  allianceAdmin,
  challenged,
  decide,
  ID,
  ownAdmin,
  spec,
  T1,
  withFirstKey,
} from '../__fixtures__/institution-history.fixture';
import { freshNonce } from '../__fixtures__/key-possession.fixture';
import { DCU } from '../__fixtures__/members.fixture';
import { removed, suspended } from '../__fixtures__/member-standing.fixture';
import { rejected } from '../__fixtures__/rejected';
import type { InstitutionCommand } from './institution.commands';

describe('a member out of good standing, in the catalogue', () => {
  const { history } = withFirstKey();
  const challenge: InstitutionCommand = { type: 'IssueKeyChallenge', institutionId: ID, keyId: 'key-2', nonce: freshNonce() };

  it.each([
    ['suspended', [suspended], 'member-suspended', /suspended/],
    ['removed', [removed], 'member-removed', /removed/],
  ] as const)('refuses a %s member its key challenges, new keys and rotations with 403 naming its standing', (_, after, code, detail) => {
    const given = [...history, ...after];
    spec
      .given(given)
      .when(challenge, ownAdmin(T1))
      .thenThrows((e) => rejected(code, 403)(e) && detail.test((e as Error).message));
    // A challenge issued while it was in good standing does not let it add a key now.
    const { issued, keyPair } = challenged('key-2');
    spec
      .given([...history, issued, ...after])
      .when(addWithProof(issued, keyPair), ownAdmin(T1))
      .thenThrows(rejected(code, 403));
    const rotate: InstitutionCommand = {
      type: 'RotateSigningKey',
      institutionId: ID,
      previousKeyId: 'key-1',
      newKey: { publicKeyMultibase: keyPair.publicKeyMultibase, keyId: 'key-2' },
      proofOfPossession: addWithProof(issued, keyPair).proofOfPossession,
    };
    spec
      .given([...history, issued, ...after])
      .when(rotate, ownAdmin(T1))
      .thenThrows(rejected(code, 403));
  });

  it('still lets a suspended or removed member declare its key compromised: that only withdraws trust', () => {
    for (const after of [suspended, removed]) {
      spec
        .given([...history, after])
        .when(
          { type: 'RevokeSigningKey', institutionId: ID, keyId: 'key-1', reason: 'laptop stolen', compromisedSince: T1.toISOString() },
          ownAdmin(T1),
        )
        .thenState((s) => expect(s?.keys[0]).toMatchObject({ keyId: 'key-1', compromisedSince: T1.toISOString() }));
    }
  });

  it('lets a reinstated member act again', () => {
    const back = [...history, suspended, ...decide([...history, suspended], { type: 'ReinstateInstitution' }, allianceAdmin)];
    expect(back.at(-1)?.type).toBe('InstitutionReinstated');
    spec
      .given(back)
      .when(challenge, ownAdmin(T1))
      .thenState((s) => expect(s?.challenges.map((c) => c.keyId)).toEqual(['key-2']));
  });

  it.each([
    ['suspended', 'member-suspended'],
    ['removed', 'member-removed'],
  ] as const)('refuses a %s awarding body both approving and declining a proposal, with 403 naming its standing', (status, code) => {
    specSpec
      .given(proposed())
      .when({ type: 'ApproveCredentialSpec', institutionId: DCU, approverStatus: status }, specAdminOf(DCU))
      .thenThrows(rejected(code, 403));
    specSpec
      .given(proposed())
      .when({ type: 'DeclineCredentialSpec', institutionId: DCU, declinerStatus: status, reason: 'not now' }, specAdminOf(DCU))
      .thenThrows(rejected(code, 403));
  });

  it('keeps the pending member on its own rules: it may decline, and is told it is not active yet when approving', () => {
    specSpec
      .given(proposed())
      .when({ type: 'DeclineCredentialSpec', institutionId: DCU, declinerStatus: 'pending', reason: 'not now' }, specAdminOf(DCU))
      .thenState((s) => expect(s?.versions[0].status).toBe('draft'));
    specSpec
      .given(proposed())
      .when({ type: 'ApproveCredentialSpec', institutionId: DCU, approverStatus: 'pending' }, specAdminOf(DCU))
      .thenThrows(rejected('approval.member-not-active', 409));
  });
});
