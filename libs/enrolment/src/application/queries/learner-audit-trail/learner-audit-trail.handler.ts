import { assertStreamChain, HashChainBrokenError, type RecordedEvent } from '@alliance/event-sourcing';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EnrolmentException } from '../../../domain/enrolment.exception';
import type { ProtectedIdentity } from '../../../domain/protected-identity';
import { IdentityVault } from '../../personal-data/identity-vault';
import { EnrolmentAggregates } from '../../enrolment-aggregates';
import { type AuditTrailEntry, type LearnerAuditTrail, LearnerAuditTrailQuery } from './learner-audit-trail.query';

/** What an auditor reads for a personal field: the clear value while the key exists, a marker once erased. */
export const ERASED_MARKER = '[erased]';

@QueryHandler(LearnerAuditTrailQuery)
export class LearnerAuditTrailHandler implements IQueryHandler<LearnerAuditTrailQuery> {
  constructor(
    private readonly aggregates: EnrolmentAggregates,
    private readonly vault: IdentityVault,
  ) {}

  async execute(query: LearnerAuditTrailQuery): Promise<LearnerAuditTrail> {
    const events = await this.aggregates.learner.history(query.learnerId);
    if (events.length === 0) throw new EnrolmentException('enrolment.learner-not-found', `No learner ${query.learnerId}.`, 'learnerId');
    let chain: LearnerAuditTrail['chain'] = { verified: true, events: events.length };
    try {
      assertStreamChain(events);
    } catch (error) {
      if (!(error instanceof HashChainBrokenError)) throw error;
      chain = { verified: false, events: events.length, brokenAt: error.brokenAt };
    }
    const entries: AuditTrailEntry[] = [];
    for (const e of events) entries.push({ ...envelope(e), data: await this.readable(e.data as Record<string, unknown>) });
    return {
      learnerId: query.learnerId,
      streamId: events[0].streamId,
      erased: events.some((e) => e.type === 'LearnerErased'),
      chain,
      events: entries,
    };
  }

  private async readable(data: Record<string, unknown>): Promise<Record<string, unknown>> {
    const sealed = data.identity as ProtectedIdentity | undefined;
    if (!sealed?.fields) return data;
    const opened = await this.vault.open(sealed);
    const identity = Object.fromEntries(
      Object.keys(sealed.fields).map((field) => [
        field,
        opened.erased ? ERASED_MARKER : (opened as unknown as Record<string, string>)[field],
      ]),
    );
    return { ...data, identity: { ...identity, erased: opened.erased }, sealedIdentity: sealed };
  }
}

function envelope(e: RecordedEvent): Omit<AuditTrailEntry, 'data'> {
  return {
    position: e.position,
    revision: e.revision,
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    occurredAt: e.metadata.occurredAt,
    actor: e.metadata.actor,
    correlationId: e.metadata.correlationId,
    ...(e.metadata.causationId ? { causationId: e.metadata.causationId } : {}),
    previousHash: e.previousHash,
    hash: e.hash,
  };
}
