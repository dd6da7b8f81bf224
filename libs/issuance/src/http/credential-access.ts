import type { AuthenticatedActor } from '@alliance/nest-kit';
import type { CredentialSummary } from '../application/ports/credential-queries.port';
import { IssuanceException } from '../domain/issuance.exception';

/**
 * Who may read a credential: the learner it was issued to, staff of an institution that co-awarded it,
 * alliance admins and auditors. Anyone else learns nothing, not even that it exists.
 */
export function canRead(actor: AuthenticatedActor, credential: CredentialSummary): boolean {
  switch (actor.role) {
    case 'alliance-admin':
    case 'auditor':
      return true;
    case 'learner':
      return actor.subject === credential.learnerId;
    default:
      return !!actor.institution && credential.awardingBodies.some((b) => b.institutionId === actor.institution);
  }
}

export function requireReadable(actor: AuthenticatedActor, credential: CredentialSummary | undefined, id: string): CredentialSummary {
  if (!credential || !canRead(actor, credential))
    throw new IssuanceException('issuance.credential-not-found', `No credential with id ${id}.`, 'id');
  return credential;
}

/** A credential that every awarding body has signed; while proofs are missing, 409 naming who has still to sign. */
export function requireSigned(credential: CredentialSummary): CredentialSummary {
  if (credential.lifecycle === 'collecting-proofs') {
    const awaiting = credential.awardingBodies.filter((b) => !b.signed).map((b) => b.institutionId);
    throw new IssuanceException(
      'issuance.credential.awaiting-proofs',
      `the credential is waiting for proofs from ${awaiting.join(', ')}`,
      'id',
      {
        awaiting,
      },
    );
  }
  return credential;
}
