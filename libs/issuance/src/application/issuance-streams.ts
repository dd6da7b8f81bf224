import { streamName } from '@alliance/event-sourcing';
import { v5 as uuidv5 } from 'uuid';

/** Namespace of the stream ids issuance derives from several values. */
const NAMESPACE = '3c0f6d52-8b1e-4f4a-9d0e-5b8f0a6c2e71';

/** Stream ids of the issuance context (`issuance.<aggregate>-<id>`). */
export const issuanceStreams = {
  award: (awardId: string) => streamName('issuance', 'award', awardId),
  credential: (credentialId: string) => streamName('issuance', 'credential', credentialId),
  signer: (institutionId: string) => streamName('issuance', 'signer', institutionId),
  knownSpec: (specId: string) => streamName('issuance', 'known-spec', specId),
  knownInstitution: (institutionId: string) => streamName('issuance', 'known-institution', institutionId),
  /** One learner and one definition: the final revocation that bars a new credential, if any. */
  finalRevocation: (learnerId: string, specId: string) =>
    streamName('issuance', 'final-revocation', uuidv5(`${learnerId}\n${specId}`, NAMESPACE)),
} as const;
