import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type CredentialSpecFilter, CredentialSpecQueries } from './credential-spec.queries';
import type {
  CredentialSpecSummary,
  CredentialSpecVersionSummary,
  CredentialSpecVersionView,
  CredentialSpecView,
} from './credential-spec.views';
import type { Page } from './page';

export class ListCredentialSpecsQuery extends Query<Page<CredentialSpecSummary>> {
  constructor(readonly filter: CredentialSpecFilter) {
    super();
  }
}

export class GetCredentialSpecQuery extends Query<CredentialSpecView> {
  constructor(readonly credentialSpecId: string) {
    super();
  }
}

export class ListCredentialSpecVersionsQuery extends Query<CredentialSpecVersionSummary[]> {
  constructor(readonly credentialSpecId: string) {
    super();
  }
}

export class GetCredentialSpecVersionQuery extends Query<CredentialSpecVersionView> {
  constructor(
    readonly credentialSpecId: string,
    readonly version: number,
  ) {
    super();
  }
}

@QueryHandler(ListCredentialSpecsQuery)
export class ListCredentialSpecsHandler implements IQueryHandler<ListCredentialSpecsQuery> {
  constructor(private readonly specs: CredentialSpecQueries) {}

  execute(query: ListCredentialSpecsQuery): Promise<Page<CredentialSpecSummary>> {
    return this.specs.list(query.filter);
  }
}

@QueryHandler(GetCredentialSpecQuery)
export class GetCredentialSpecHandler implements IQueryHandler<GetCredentialSpecQuery> {
  constructor(private readonly specs: CredentialSpecQueries) {}

  execute(query: GetCredentialSpecQuery): Promise<CredentialSpecView> {
    return this.specs.get(query.credentialSpecId);
  }
}

@QueryHandler(ListCredentialSpecVersionsQuery)
export class ListCredentialSpecVersionsHandler implements IQueryHandler<ListCredentialSpecVersionsQuery> {
  constructor(private readonly specs: CredentialSpecQueries) {}

  execute(query: ListCredentialSpecVersionsQuery): Promise<CredentialSpecVersionSummary[]> {
    return this.specs.versions(query.credentialSpecId);
  }
}

@QueryHandler(GetCredentialSpecVersionQuery)
export class GetCredentialSpecVersionHandler implements IQueryHandler<GetCredentialSpecVersionQuery> {
  constructor(private readonly specs: CredentialSpecQueries) {}

  execute(query: GetCredentialSpecVersionQuery): Promise<CredentialSpecVersionView> {
    return this.specs.version(query.credentialSpecId, query.version);
  }
}

export const CREDENTIAL_SPEC_QUERY_HANDLERS = [
  ListCredentialSpecsHandler,
  GetCredentialSpecHandler,
  ListCredentialSpecVersionsHandler,
  GetCredentialSpecVersionHandler,
];
