import {
  ContractViolationError,
  credentialSpecPublishedV1,
  credentialSpecRetiredV1,
  institutionActivatedV1,
  institutionKeyAddedV1,
  institutionKeyRevokedV1,
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
import { CatalogueException, violation } from '../../domain/catalogue.exception';
import type { CredentialSpecPublished } from '../../domain/credential-spec/credential-spec.events';

type Mapping = (data: unknown, envelope: MessageEnvelope) => IntegrationMessage;

/** The domain event's data, already shaped like the contract (the contract validates it). */
const asIs = <T>(data: unknown): T => data as T;

function via<T extends object>(contract: IntegrationContract<T>, payload: (data: unknown) => T = asIs): Mapping {
  return (data, envelope) => contract.message(payload(data), envelope);
}

/**
 * Which domain events other services see, and how. Drafts, proposals, approvals and key challenges stay
 * inside the catalogue: only facts others act on are published, each validated against its public contract.
 * Keys travel with their proof of possession, so consumers can check it themselves.
 */
const MAPPINGS: Record<string, Mapping> = {
  InstitutionRegistered: via(institutionRegisteredV1),
  InstitutionActivated: via(institutionActivatedV1),
  SigningKeyAdded: via(institutionKeyAddedV1),
  SigningKeyRotated: via(institutionKeyRotatedV1),
  SigningKeyRevoked: via(institutionKeyRevokedV1),
  InstitutionSuspended: via(institutionSuspendedV1),
  InstitutionReinstated: via(institutionReinstatedV1),
  InstitutionRemoved: via(institutionRemovedV1),
  CredentialSpecPublished: via(credentialSpecPublishedV1, (data) => {
    const d = data as CredentialSpecPublished['data'];
    return asIs({ ...d.definition, ...(d.supersedesVersion ? { supersedesVersion: d.supersedesVersion } : {}) });
  }),
  CredentialSpecRetired: via(credentialSpecRetiredV1),
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
  return mapping(event.data, envelope);
}

const PROBE: MessageEnvelope = {
  eventId: '00000000-0000-7000-8000-000000000000',
  occurredAt: new Date(0).toISOString(),
  correlationId: 'contract-probe',
};

/**
 * Refuses, before anything is written, an event its public contract would reject: the relay halts on a
 * message it cannot publish, so such an event must never reach the store.
 */
export function assertPublishable(type: string, data: unknown): void {
  const mapping = MAPPINGS[type];
  if (!mapping) return;
  try {
    mapping(data, PROBE);
  } catch (error) {
    if (!(error instanceof ContractViolationError)) throw error;
    const violations = error.problems.map((p) => violation(p.split(':')[0], 'contract.violation', p));
    throw new CatalogueException(
      'catalogue.contract-violation',
      `the event would break the ${error.contract} contract: ${error.problems.join('; ')}`,
      undefined,
      { errors: violations },
    );
  }
}
