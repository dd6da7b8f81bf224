import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { AUDIT_SOURCES, STATE_REPLAYER } from '../../audit.tokens';
import type { AuditSource } from '../audit-source';
import { type CredentialProvenance, credentialProvenance } from '../provenance/credential-provenance';
import { type CredentialValidityAt, credentialValidityAt } from '../provenance/credential-validity';
import type { PointInTimeState, StateReplayer } from '../state-replayer';

/** State of an aggregate as of an instant, replayed from its stream. */
export class StateAtQuery extends Query<PointInTimeState> {
  constructor(
    readonly streamId: string,
    readonly at: string,
  ) {
    super();
  }
}

/** Everything that led to a credential and happened to it; undefined when no store knows it. */
export class CredentialProvenanceQuery extends Query<CredentialProvenance | undefined> {
  constructor(readonly credentialId: string) {
    super();
  }
}

/** Was the credential valid at `at`; undefined when no store knows it. */
export class CredentialValidityQuery extends Query<CredentialValidityAt | undefined> {
  constructor(
    readonly credentialId: string,
    readonly at: string,
  ) {
    super();
  }
}

@QueryHandler(StateAtQuery)
export class StateAtHandler implements IQueryHandler<StateAtQuery> {
  constructor(@Inject(STATE_REPLAYER) private readonly replayer: StateReplayer) {}

  execute({ streamId, at }: StateAtQuery): Promise<PointInTimeState> {
    return this.replayer.stateAt(streamId, at);
  }
}

@QueryHandler(CredentialProvenanceQuery)
export class CredentialProvenanceHandler implements IQueryHandler<CredentialProvenanceQuery> {
  constructor(@Inject(AUDIT_SOURCES) private readonly sources: AuditSource[]) {}

  execute({ credentialId }: CredentialProvenanceQuery): Promise<CredentialProvenance | undefined> {
    return credentialProvenance(this.sources, credentialId);
  }
}

@QueryHandler(CredentialValidityQuery)
export class CredentialValidityHandler implements IQueryHandler<CredentialValidityQuery> {
  constructor(@Inject(AUDIT_SOURCES) private readonly sources: AuditSource[]) {}

  execute({ credentialId, at }: CredentialValidityQuery): Promise<CredentialValidityAt | undefined> {
    return credentialValidityAt(this.sources, credentialId, at);
  }
}
