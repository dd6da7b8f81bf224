import {
  credentialSpecPublishedV1,
  credentialSpecRetiredV1,
  institutionKeyAddedV1,
  institutionKeyRotatedV1,
  institutionRegisteredV1,
  institutionReinstatedV1,
  institutionRemovedV1,
  institutionSuspendedV1,
  type IntegrationContract,
  type MessageEnvelope,
} from '@alliance/contracts';
import type { RecordedEvent } from '@alliance/event-sourcing';
import type { IntegrationMessage } from '@alliance/messaging';
import type { CredentialSpecPublished } from '../../domain/credential-spec/credential-spec.events';

type Mapping = { contract: IntegrationContract<any>; payload: (data: any) => object };

/**
 * Which domain events other services see, and how. Drafts, proposals and approvals stay inside the
 * catalogue: only facts others act on are published, each validated against its public contract.
 */
const MAPPINGS: Record<string, Mapping> = {
  InstitutionRegistered: { contract: institutionRegisteredV1, payload: (d) => d },
  SigningKeyAdded: { contract: institutionKeyAddedV1, payload: (d) => d },
  SigningKeyRotated: { contract: institutionKeyRotatedV1, payload: (d) => d },
  InstitutionSuspended: { contract: institutionSuspendedV1, payload: (d) => d },
  InstitutionReinstated: { contract: institutionReinstatedV1, payload: (d) => d },
  InstitutionRemoved: { contract: institutionRemovedV1, payload: (d) => d },
  CredentialSpecPublished: {
    contract: credentialSpecPublishedV1,
    payload: (d: CredentialSpecPublished['data']) => ({ ...d.definition, ...(d.supersedesVersion ? { supersedesVersion: d.supersedesVersion } : {}) }),
  },
  CredentialSpecRetired: { contract: credentialSpecRetiredV1, payload: (d) => d },
};

export const PUBLISHED_EVENT_TYPES = Object.keys(MAPPINGS);

/** The integration message of a stored catalogue event, or undefined when the event stays internal. */
export function integrationMessageOf(event: RecordedEvent): IntegrationMessage | undefined {
  const mapping = MAPPINGS[event.type];
  if (!mapping) return undefined;
  const envelope: MessageEnvelope = {
    eventId: event.eventId,
    occurredAt: event.metadata.occurredAt,
    correlationId: event.metadata.correlationId,
    ...(event.metadata.causationId ? { causationId: event.metadata.causationId } : {}),
  };
  return mapping.contract.message(mapping.payload(event.data), envelope);
}
