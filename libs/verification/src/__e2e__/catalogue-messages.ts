import { randomUUID } from 'node:crypto';
import { institutionKeyAddedV1, institutionRegisteredV1 } from '@alliance/contracts';
import type { IntegrationMessage } from '@alliance/messaging';
import type { RegisteredInstitution } from '../domain/registry/registered-institution';

const envelope = () => ({ eventId: randomUUID(), occurredAt: new Date().toISOString(), correlationId: randomUUID() });

/** The catalogue's events that register a member and its keys, as verification receives them. */
export function registration(member: RegisteredInstitution): IntegrationMessage[] {
  return [
    institutionRegisteredV1.message(
      {
        institutionId: member.institutionId,
        name: member.name,
        legalName: member.name,
        countryCode: member.countryCode,
        homepage: `https://${member.did.slice(8)}`,
        did: member.did,
        registeredAt: member.statusHistory[0].from,
      },
      envelope(),
    ),
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
            custody: 'institution',
            validFrom: k.validFrom,
            ...(k.validUntil ? { validUntil: k.validUntil } : {}),
          },
        },
        envelope(),
      ),
    ),
  ];
}
