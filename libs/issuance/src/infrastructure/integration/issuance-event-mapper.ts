import {
  credentialIssuedV1,
  credentialReinstatedV1,
  credentialRevokedV1,
  credentialSignatureRefusedV1,
  credentialSuspendedV1,
  type MessageEnvelope,
} from '@alliance/contracts';
import type { RecordedEvent } from '@alliance/event-sourcing';
import type { IntegrationMessage } from '@alliance/messaging';
import type {
  CredentialIssued,
  CredentialReinstated,
  CredentialRevoked,
  CredentialSignatureRefused,
  CredentialSuspended,
} from '../../domain/credential/credential.events';

type Mapping = (event: RecordedEvent, envelope: MessageEnvelope) => IntegrationMessage | undefined;

/**
 * What other services see of issuance: a credential's life (issued, suspended, reinstated, revoked), and an
 * awarding body's refusal to sign one (the alliance is told).
 * Award tracks, drafts, proofs, keys and status slots stay inside. Enrolment completes an enrolment on
 * `issued`; verification and audit follow status changes.
 */
const MAPPINGS: Record<string, Mapping> = {
  CredentialIssued: (e, envelope) => {
    const d = e.data as CredentialIssued['data'];
    return credentialIssuedV1.message(
      {
        credentialId: d.credentialId,
        hash: d.hash,
        credentialSpecId: d.specId,
        specVersion: d.specVersion,
        learnerId: d.learnerId,
        awardingBodies: d.awardingBodies,
        awardedAt: d.awardedAt,
        issuedAt: d.issuedAt,
        ...(d.validUntil ? { validUntil: d.validUntil } : {}),
        status: d.status,
        ...(d.supersedes ? { supersedes: d.supersedes } : {}),
      },
      envelope,
    );
  },
  CredentialSignatureRefused: (e, envelope) => {
    const { credentialId, institutionId, code, reason, refusedAt } = e.data as CredentialSignatureRefused['data'];
    return credentialSignatureRefusedV1.message({ credentialId, institutionId, code, reason, refusedAt }, envelope);
  },
  CredentialSuspended: (e, envelope) => {
    const d = e.data as CredentialSuspended['data'];
    return credentialSuspendedV1.message({ credentialId: d.credentialId, reason: d.reason, status: d.status }, envelope);
  },
  CredentialReinstated: (e, envelope) => {
    const d = e.data as CredentialReinstated['data'];
    return credentialReinstatedV1.message({ credentialId: d.credentialId, reason: d.reason, status: d.status }, envelope);
  },
  CredentialRevoked: (e, envelope) => {
    const d = e.data as CredentialRevoked['data'];
    // A draft abandoned before it was issued was never seen outside: nothing to announce.
    if (!d.wasIssued) return undefined;
    return credentialRevokedV1.message(
      { credentialId: d.credentialId, reason: d.reason, ...(d.supersededBy ? { supersededBy: d.supersededBy } : {}), status: d.status },
      envelope,
    );
  },
};

export const PUBLISHED_EVENT_TYPES = Object.keys(MAPPINGS);

export function mapIssuanceEvent(event: RecordedEvent): IntegrationMessage | undefined {
  const mapping = MAPPINGS[event.type];
  if (!mapping) return undefined;
  return mapping(event, {
    eventId: event.eventId,
    occurredAt: event.metadata.occurredAt,
    correlationId: event.metadata.correlationId,
    ...(event.metadata.causationId ? { causationId: event.metadata.causationId } : {}),
  });
}
