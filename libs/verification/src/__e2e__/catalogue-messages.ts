import { createHash, randomUUID } from 'node:crypto';
import type { JsonObject } from '@alliance/credentials';
import canonicalize from 'canonicalize';
import {
  credentialIssuedV1,
  institutionActivatedV1,
  institutionKeyAddedV1,
  institutionKeyRevokedV1,
  institutionRegisteredV1,
} from '@alliance/contracts';
import type { IntegrationMessage } from '@alliance/messaging';
import type { KeyRevocation, RegisteredInstitution } from '../domain/registry/registered-institution';

const envelope = () => ({ eventId: randomUUID(), occurredAt: new Date().toISOString(), correlationId: randomUUID() });

/** The catalogue's events that register a member (and activate it, when it was registered pending) and its keys, as verification receives them. */
export function registration(member: RegisteredInstitution): IntegrationMessage[] {
  const [first] = member.statusHistory;
  return [
    institutionRegisteredV1.message(
      {
        institutionId: member.institutionId,
        name: member.name,
        legalName: member.name,
        countryCode: member.countryCode,
        homepage: `https://${member.did.split(':')[2].replace(/%3A/i, ':')}`,
        did: member.did,
        registeredAt: first.from,
        ...(first.status === 'pending' ? { status: 'pending' as const } : {}),
      },
      envelope(),
    ),
    ...(first.status === 'pending' && member.statusHistory[1]?.status === 'active'
      ? [institutionActivatedV1.message({ institutionId: member.institutionId, activatedAt: member.statusHistory[1].from }, envelope())]
      : []),
    ...member.keys.map((k) =>
      institutionKeyAddedV1.message(
        {
          institutionId: member.institutionId,
          key: {
            keyId: k.keyId,
            verificationMethodId: k.verificationMethodId,
            type: 'Multikey',
            algorithm: 'Ed25519',
            publicKeyMultibase: k.publicKeyMultibase,
            custody: k.custody ?? 'institution',
            validFrom: k.validFrom,
            ...(k.validUntil ? { validUntil: k.validUntil } : {}),
          },
        },
        envelope(),
      ),
    ),
  ];
}

/** The catalogue's event withdrawing one of a member's keys (routinely, or as compromised since an instant). */
export function keyRevocation(member: RegisteredInstitution, revocation: KeyRevocation): IntegrationMessage {
  return institutionKeyRevokedV1.message({ institutionId: member.institutionId, ...revocation }, envelope());
}

/** Issuance's announcement that it issued a credential: its id, the hash of its signed form and when. */
export function credentialIssued(credential: JsonObject, issuedAt: string, institutionIds: string[]): IntegrationMessage {
  const credentialId = String(credential['id']).replace(/^urn:uuid:/, '');
  return credentialIssuedV1.message(
    {
      credentialId,
      hash: createHash('sha256').update(canonicalize(credential)!, 'utf8').digest('hex'),
      credentialSpecId: 'spec-e2e',
      specVersion: 1,
      learnerId: 'learner-e2e',
      awardingBodies: institutionIds,
      awardedAt: issuedAt,
      issuedAt,
      status: { listId: 'list-1', index: 0 },
    },
    envelope(),
  );
}
