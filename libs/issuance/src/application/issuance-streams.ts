import { streamName } from '@alliance/event-sourcing';

/** Stream ids of the issuance context (`issuance.<aggregate>-<id>`). */
export const issuanceStreams = {
  award: (awardId: string) => streamName('issuance', 'award', awardId),
  credential: (credentialId: string) => streamName('issuance', 'credential', credentialId),
  signer: (institutionId: string) => streamName('issuance', 'signer', institutionId),
  knownSpec: (specId: string) => streamName('issuance', 'known-spec', specId),
  knownInstitution: (institutionId: string) => streamName('issuance', 'known-institution', institutionId),
} as const;
