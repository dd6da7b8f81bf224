import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { DidDocument } from '../../domain/institution/did-document';
import { type InstitutionFilter, InstitutionQueries, type KeyValidityView } from './institution.queries';
import type { InstitutionView } from './institution.views';
import type { Page } from './page';

export class ListInstitutionsQuery extends Query<Page<InstitutionView>> {
  constructor(readonly filter: InstitutionFilter) {
    super();
  }
}

export class GetInstitutionQuery extends Query<InstitutionView> {
  constructor(readonly institutionId: string) {
    super();
  }
}

export class GetInstitutionDidDocumentQuery extends Query<DidDocument> {
  constructor(readonly institutionId: string) {
    super();
  }
}

/** Was this key valid for this member at `at`? */
export class GetKeyValidityQuery extends Query<KeyValidityView> {
  constructor(
    readonly institutionId: string,
    readonly keyId: string,
    readonly at: string,
  ) {
    super();
  }
}

@QueryHandler(ListInstitutionsQuery)
export class ListInstitutionsHandler implements IQueryHandler<ListInstitutionsQuery> {
  constructor(private readonly institutions: InstitutionQueries) {}

  execute(query: ListInstitutionsQuery): Promise<Page<InstitutionView>> {
    return this.institutions.list(query.filter);
  }
}

@QueryHandler(GetInstitutionQuery)
export class GetInstitutionHandler implements IQueryHandler<GetInstitutionQuery> {
  constructor(private readonly institutions: InstitutionQueries) {}

  execute(query: GetInstitutionQuery): Promise<InstitutionView> {
    return this.institutions.get(query.institutionId);
  }
}

@QueryHandler(GetInstitutionDidDocumentQuery)
export class GetInstitutionDidDocumentHandler implements IQueryHandler<GetInstitutionDidDocumentQuery> {
  constructor(private readonly institutions: InstitutionQueries) {}

  execute(query: GetInstitutionDidDocumentQuery): Promise<DidDocument> {
    return this.institutions.didDocument(query.institutionId);
  }
}

@QueryHandler(GetKeyValidityQuery)
export class GetKeyValidityHandler implements IQueryHandler<GetKeyValidityQuery> {
  constructor(private readonly institutions: InstitutionQueries) {}

  execute(query: GetKeyValidityQuery): Promise<KeyValidityView> {
    return this.institutions.keyValidity(query.institutionId, query.keyId, query.at);
  }
}

export const INSTITUTION_QUERY_HANDLERS = [
  ListInstitutionsHandler,
  GetInstitutionHandler,
  GetInstitutionDidDocumentHandler,
  GetKeyValidityHandler,
];
