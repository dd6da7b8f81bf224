import { type CommandHandler, createCommandHandler, type Decider, type DomainEvent, type EventStore } from '@alliance/event-sourcing';
import { Inject, Injectable } from '@nestjs/common';
import { awardDecider } from '../domain/award/award.decider';
import { credentialDecider } from '../domain/credential/credential.decider';
import { finalRevocationDecider } from '../domain/final-revocation/final-revocation.decider';
import { knownInstitutionDecider } from '../domain/knowledge/known-institution.decider';
import { knownSpecDecider } from '../domain/knowledge/known-spec.decider';
import { signerDecider } from '../domain/signing/signer.decider';
import { ISSUANCE_STORE } from './issuance.tokens';

type HandlerOf<D> = D extends Decider<infer C, infer S, infer E extends DomainEvent> ? CommandHandler<C, S, E> : never;

/**
 * Issuance's aggregates on the kernel's command handler (load, decide, append, retry on conflict), over issuance's
 * event store as its deciders see it (personal fields sealed on append). Injected by its class, as every context's
 * aggregates are.
 */
@Injectable()
export class IssuanceAggregates {
  readonly awards: HandlerOf<typeof awardDecider>;
  readonly credentials: HandlerOf<typeof credentialDecider>;
  readonly signers: HandlerOf<typeof signerDecider>;
  readonly knownSpecs: HandlerOf<typeof knownSpecDecider>;
  readonly knownInstitutions: HandlerOf<typeof knownInstitutionDecider>;
  readonly finalRevocations: HandlerOf<typeof finalRevocationDecider>;

  constructor(@Inject(ISSUANCE_STORE) store: EventStore) {
    this.awards = createCommandHandler({ store, decider: awardDecider });
    this.credentials = createCommandHandler({ store, decider: credentialDecider });
    this.signers = createCommandHandler({ store, decider: signerDecider });
    this.knownSpecs = createCommandHandler({ store, decider: knownSpecDecider });
    this.knownInstitutions = createCommandHandler({ store, decider: knownInstitutionDecider });
    this.finalRevocations = createCommandHandler({ store, decider: finalRevocationDecider });
  }
}
