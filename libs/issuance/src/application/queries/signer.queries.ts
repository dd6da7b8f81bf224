import type { SigningRequestV1, StatusListSigningRequestV1 } from '@alliance/contracts';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { AuthenticatedSigner } from '../signing/signer-authentication';
import { SigningRequests } from '../signing/signing-requests';
import { StatusListPublisher } from '../status/status-list-publisher';

/** The credentials waiting for an authenticated signer's proof, oldest first. */
export class SigningRequestsQuery extends Query<SigningRequestV1[]> {
  constructor(
    readonly signer: AuthenticatedSigner,
    readonly limit: number,
  ) {
    super();
  }
}

/** An institution's status lists whose bits changed since its signer last signed them. */
export class StatusListSigningRequestsQuery extends Query<StatusListSigningRequestV1[]> {
  constructor(readonly institutionId: string) {
    super();
  }
}

@QueryHandler(SigningRequestsQuery)
export class SigningRequestsHandler implements IQueryHandler<SigningRequestsQuery> {
  constructor(private readonly requests: SigningRequests) {}

  execute(query: SigningRequestsQuery): Promise<SigningRequestV1[]> {
    return this.requests.pending(query.signer, query.limit);
  }
}

@QueryHandler(StatusListSigningRequestsQuery)
export class StatusListSigningRequestsHandler implements IQueryHandler<StatusListSigningRequestsQuery> {
  constructor(private readonly statusLists: StatusListPublisher) {}

  execute(query: StatusListSigningRequestsQuery): Promise<StatusListSigningRequestV1[]> {
    return this.statusLists.pendingFor(query.institutionId);
  }
}
