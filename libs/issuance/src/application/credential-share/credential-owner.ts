import type { Credential } from '../../domain/credential/credential.state';
import { IssuanceException } from '../../domain/issuance.exception';
import type { CommandActor } from '../base.command';

/**
 * Only the learner a credential was issued to makes, lists and withdraws its links: a credential nobody knows is
 * not found; another learner's, or anyone who is not a learner, is refused.
 */
export function requireOwnCredential(actor: CommandActor, credential: Credential | undefined, credentialId: string): Credential {
  if (!credential) throw new IssuanceException('issuance.credential-not-found', `No credential with id ${credentialId}.`, 'credentialId');
  if (actor.role !== 'learner' || actor.subject !== credential.learnerId) {
    throw new IssuanceException(
      'issuance.credential.other-learner',
      'only the learner a credential was issued to shares it',
      'credentialId',
    );
  }
  return credential;
}
