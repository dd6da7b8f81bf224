import { generateEd25519KeyPair } from '@alliance/credentials';
import {
  addWithProof,
  adminOf,
  allianceAdmin,
  challenged,
  ID,
  ownAdmin,
  spec,
  T0,
  withFirstKey,
} from '../__fixtures__/institution-history.fixture';
import { freshNonce, proofFor } from '../__fixtures__/key-possession.fixture';
import { rejected } from '../__fixtures__/rejected';
import type { InstitutionCommand } from './institution.commands';

describe('institution keys: who may touch them', () => {
  const { history, keyPair } = withFirstKey();
  const { issued } = challenged('key-2');
  const given = [...history, issued];
  const commands: InstitutionCommand[] = [
    { type: 'IssueKeyChallenge', institutionId: ID, keyId: 'key-2', nonce: freshNonce() },
    addWithProof(issued, generateEd25519KeyPair()),
    {
      type: 'RotateSigningKey',
      institutionId: ID,
      previousKeyId: 'key-1',
      newKey: { publicKeyMultibase: keyPair.publicKeyMultibase },
      proofOfPossession: proofFor(issued, keyPair),
    },
    { type: 'RevokeSigningKey', institutionId: ID, keyId: 'key-1', reason: 'compromised', compromisedSince: T0.toISOString() },
  ];

  it.each(commands.map((c) => [c.type, c] as const))('%s: the alliance-admin is refused with 403', (_type, command) => {
    spec.given(given).when(command, allianceAdmin).thenThrows(rejected('key.not-own-institution', 403));
  });

  it.each(commands.map((c) => [c.type, c] as const))(
    "%s: another institution's admin, or a registrar of this one, is refused with 403",
    (_type, command) => {
      spec.given(given).when(command, adminOf('another-institution')).thenThrows(rejected('key.not-own-institution', 403));
      spec
        .given(given)
        .when(command, { actor: { subject: 'r', role: 'registrar', institution: ID } })
        .thenThrows(rejected('key.not-own-institution', 403));
    },
  );

  it('says 403 before saying whether the institution exists', () => {
    spec.given([]).when(commands[0], allianceAdmin).thenThrows(rejected('key.not-own-institution', 403));
    spec.given([]).when(commands[0], ownAdmin()).thenThrows(rejected('institution-not-found', 404));
  });
});
