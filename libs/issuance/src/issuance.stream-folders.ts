import { streamFolding, streamPrefix } from '@alliance/event-sourcing';
import { evolveAward, initialAwardState } from './domain/award/award.state';
import { evolveCredential, initialCredentialState } from './domain/credential/credential.state';
import { evolveFinalRevocation, initialFinalRevocationState } from './domain/final-revocation/final-revocation.state';
import { knownInstitutionDecider } from './domain/knowledge/known-institution.decider';
import { knownSpecDecider } from './domain/knowledge/known-spec.decider';
import { evolveSigner, initialSignerState } from './domain/signing/signer.state';
import { statusRegisterDecider } from './domain/status-list/status-register.decider';
import { statusSlotDecider } from './domain/status-list/status-slot.decider';

/**
 * How to fold issuance's streams into state, for point-in-time replay by an auditor: each aggregate's own
 * `evolve`. A signer's state names its keys by reference and public key only; sealed private keys never
 * reach a state.
 */
export const ISSUANCE_STREAM_FOLDERS = [
  streamFolding(streamPrefix('issuance', 'award'), { initialState: initialAwardState, evolve: evolveAward }),
  streamFolding(streamPrefix('issuance', 'credential'), { initialState: initialCredentialState, evolve: evolveCredential }),
  streamFolding(streamPrefix('issuance', 'signer'), { initialState: initialSignerState, evolve: evolveSigner }),
  streamFolding(streamPrefix('issuance', 'final-revocation'), { initialState: initialFinalRevocationState, evolve: evolveFinalRevocation }),
  streamFolding(streamPrefix('issuance', 'known-spec'), knownSpecDecider),
  streamFolding(streamPrefix('issuance', 'known-institution'), knownInstitutionDecider),
  streamFolding(streamPrefix('issuance', 'status-register'), statusRegisterDecider),
  streamFolding(streamPrefix('issuance', 'status-slot'), statusSlotDecider),
];
