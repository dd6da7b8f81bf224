import { createCommandHandler, type EventStore } from '@alliance/event-sourcing';
import { awardDecider } from '../domain/award/award.decider';
import { credentialDecider } from '../domain/credential/credential.decider';
import { finalRevocationDecider } from '../domain/final-revocation/final-revocation.decider';
import { knownInstitutionDecider } from '../domain/knowledge/known-institution.decider';
import { knownSpecDecider } from '../domain/knowledge/known-spec.decider';
import { signerDecider } from '../domain/signing/signer.decider';

/** The command handlers of issuance's aggregates over one event store (load, decide, append, retry on conflict). */
export function createAggregateHandlers(store: EventStore) {
  return {
    awards: createCommandHandler({ store, decider: awardDecider }),
    credentials: createCommandHandler({ store, decider: credentialDecider }),
    signers: createCommandHandler({ store, decider: signerDecider }),
    knownSpecs: createCommandHandler({ store, decider: knownSpecDecider }),
    knownInstitutions: createCommandHandler({ store, decider: knownInstitutionDecider }),
    finalRevocations: createCommandHandler({ store, decider: finalRevocationDecider }),
  };
}

export type AggregateHandlers = ReturnType<typeof createAggregateHandlers>;
