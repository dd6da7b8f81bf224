import { randomUUID } from 'node:crypto';
import {
  credentialIssuedV1,
  credentialSpecPublishedV1,
  credentialSpecRetiredV1,
  type CredentialSpecPublishedV1,
} from '@alliance/contracts';
import type { IntegrationBus } from '@alliance/messaging';
import { definitionComponent, factEnvelope, publishedDefinition } from '@alliance/testing';

export const AAU = 'inst-aau';
export const DCU = 'inst-dcu';
export const KTU = 'inst-ktu';
const at = '2026-01-15T10:00:00.000Z';

/** A published definition as the catalogue announces it, awarded by AAU (lead) and DCU. */
export function publishedSpec(
  credentialSpecId: string,
  version = 1,
  overrides: Partial<CredentialSpecPublishedV1> = {},
): CredentialSpecPublishedV1 {
  return {
    ...publishedDefinition({
      credentialSpecId,
      version,
      title: `Definition ${credentialSpecId}`,
      ects: 5,
      awardedBy: [AAU, DCU],
      components: [definitionComponent('C1', 'Thermodynamics', AAU, 'AAU', 2), definitionComponent('C2', 'Grid economics', DCU, 'DCU', 3)],
    }),
    ...(version > 1 ? { supersedesVersion: version - 1 } : {}),
    ...overrides,
  } as CredentialSpecPublishedV1;
}

/** Publishes catalogue and issuance facts the way those services would; resolves once consumers handled them. */
export const facts = (bus: IntegrationBus) => ({
  published: (spec: CredentialSpecPublishedV1) => bus.publish([credentialSpecPublishedV1.message(spec, factEnvelope())]),
  retired: (credentialSpecId: string, version: number) =>
    bus.publish([credentialSpecRetiredV1.message({ credentialSpecId, version, reason: 'closed', retiredAt: at }, factEnvelope())]),
  issued: (learnerId: string, credentialSpecId: string, credentialId = `urn:uuid:${randomUUID()}`) =>
    bus.publish([
      credentialIssuedV1.message(
        {
          credentialId,
          hash: 'a'.repeat(64),
          credentialSpecId,
          specVersion: 1,
          learnerId,
          awardingBodies: [AAU, DCU],
          awardedAt: at,
          issuedAt: at,
          status: { listId: 'aau-1', index: 7 },
        },
        factEnvelope(),
      ),
    ]),
});
