import { credentialVerifiedV1 } from '@alliance/contracts';
import type { RecordedEvent } from '@alliance/event-sourcing';
import type { IntegrationMessage } from '@alliance/messaging';
import type { CredentialVerified } from '../../domain/verification/verification.events';

export const PUBLISHED_EVENT_TYPES = ['CredentialVerified'];

/** `verification.credential.verified` for audit and statistics: verdict and failed checks, never who asked. */
export function mapVerificationEvent(event: RecordedEvent): IntegrationMessage | undefined {
  if (event.type !== 'CredentialVerified') return undefined;
  const d = event.data as CredentialVerified['data'];
  return credentialVerifiedV1.message(
    {
      verificationId: d.verificationId,
      ...(d.credentialId ? { credentialId: d.credentialId } : {}),
      verified: d.verdict === 'valid',
      failedChecks: d.failedChecks,
      verifiedAt: d.checkedAt,
    },
    {
      eventId: event.eventId,
      occurredAt: event.metadata.occurredAt,
      correlationId: event.metadata.correlationId,
      ...(event.metadata.causationId ? { causationId: event.metadata.causationId } : {}),
    },
  );
}
