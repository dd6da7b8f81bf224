import {
  type CommandContext,
  type CommandHandler,
  createCommandHandler,
  type Decider,
  decisionEvents,
  type DomainEvent,
  type EventStore,
} from '@alliance/event-sourcing';
import { EVENT_STORE } from '@alliance/service-runtime';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { CredentialSpecCommand } from '../domain/credential-spec/credential-spec.commands';
import { credentialSpecDecider } from '../domain/credential-spec/credential-spec.decider';
import type { CredentialSpecEvent } from '../domain/credential-spec/credential-spec.events';
import type { CredentialSpecState } from '../domain/credential-spec/credential-spec.state';
import type { InstitutionCommand } from '../domain/institution/institution.commands';
import { institutionDecider } from '../domain/institution/institution.decider';
import type { InstitutionEvent } from '../domain/institution/institution.events';
import type { InstitutionState } from '../domain/institution/institution.state';
import { credentialSpecStream, institutionStream } from './catalogue-streams';
import { assertPublishable } from '../infrastructure/outbox/catalogue-integration-events';
import { ReadModelSync } from './read-model-sync';

/** Injection token of the clock deciders use; tests replace it to make time explicit. */
export const CATALOGUE_CLOCK = Symbol('CATALOGUE_CLOCK');

/** The catalogue's two aggregates on the kernel's command handler: load, decide, append (with retry on conflicts). */
@Injectable()
export class CatalogueAggregates {
  private readonly institutions: CommandHandler<InstitutionCommand, InstitutionState, InstitutionEvent>;
  private readonly specs: CommandHandler<CredentialSpecCommand, CredentialSpecState, CredentialSpecEvent>;
  private readonly institutionAggregate = publishable(institutionDecider);
  private readonly clock: () => Date;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly sync: ReadModelSync,
    @Optional() @Inject(CATALOGUE_CLOCK) clock?: () => Date,
  ) {
    this.clock = clock ?? (() => new Date());
    this.institutions = createCommandHandler({ store, decider: this.institutionAggregate, clock });
    this.specs = createCommandHandler({ store, decider: publishable(credentialSpecDecider), clock });
  }

  async institution(institutionId: string): Promise<InstitutionState> {
    return (await this.institutions.load(institutionStream(institutionId))).state;
  }

  /**
   * Decides without appending: the events the command would cause now, or the error it would be refused with
   * (who may act first, as always). Lets a handler look outside (a DID document) only for a command that would pass.
   */
  async previewInstitution(
    institutionId: string,
    command: InstitutionCommand,
    context: CommandContext,
  ): Promise<{ state: InstitutionState; events: InstitutionEvent[] }> {
    const { state } = await this.institutions.load(institutionStream(institutionId));
    const now = context.occurredAt !== undefined ? new Date(context.occurredAt) : this.clock();
    const events = decisionEvents(
      this.institutionAggregate.decide(command, state, { now, actor: context.actor, correlationId: context.correlationId }),
    );
    return { state, events: [...events] };
  }

  async credentialSpec(credentialSpecId: string): Promise<CredentialSpecState> {
    return (await this.specs.load(credentialSpecStream(credentialSpecId))).state;
  }

  /** Decides and appends, then waits until the read models include the new events. */
  async onInstitution(institutionId: string, command: InstitutionCommand, context: CommandContext): Promise<InstitutionState> {
    const result = await this.institutions.handle(institutionStream(institutionId), command, context);
    await this.sync.caughtUp(result.lastPosition);
    return result.state;
  }

  async onCredentialSpec(credentialSpecId: string, command: CredentialSpecCommand, context: CommandContext): Promise<CredentialSpecState> {
    const result = await this.specs.handle(credentialSpecStream(credentialSpecId), command, context);
    await this.sync.caughtUp(result.lastPosition);
    return result.state;
  }
}

/** The decider, with every event it decides checked against its public contract before it is appended. */
function publishable<C, S, E extends DomainEvent>(decider: Decider<C, S, E>): Decider<C, S, E> {
  return {
    ...decider,
    decide(command, state, context) {
      const events = decisionEvents(decider.decide(command, state, context));
      for (const event of events) assertPublishable(event.type, event.data);
      return events;
    },
  };
}
