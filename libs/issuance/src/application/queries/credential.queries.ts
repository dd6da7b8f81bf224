import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  type CredentialDocument,
  type CredentialFilter,
  CredentialQueries,
  type CredentialSummary,
} from '../ports/credential-queries.port';

/** One credential with its proofs and issuance record, or nothing; who may read it is the caller's check. */
export class GetCredentialQuery extends Query<CredentialDocument | undefined> {
  constructor(readonly credentialId: string) {
    super();
  }
}

/** A page of credential records; the filter already narrowed to what the caller may see. */
export class ListCredentialsQuery extends Query<{ items: CredentialSummary[]; total: number }> {
  constructor(readonly filter: CredentialFilter) {
    super();
  }
}

@QueryHandler(GetCredentialQuery)
export class GetCredentialHandler implements IQueryHandler<GetCredentialQuery> {
  constructor(private readonly credentials: CredentialQueries) {}

  execute(query: GetCredentialQuery): Promise<CredentialDocument | undefined> {
    return this.credentials.get(query.credentialId);
  }
}

@QueryHandler(ListCredentialsQuery)
export class ListCredentialsHandler implements IQueryHandler<ListCredentialsQuery> {
  constructor(private readonly credentials: CredentialQueries) {}

  execute(query: ListCredentialsQuery): Promise<{ items: CredentialSummary[]; total: number }> {
    return this.credentials.list(query.filter);
  }
}
