import type { ControllerDocument } from '@alliance/credentials';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type PublishedTrustList, TrustListPublisher } from './trust-list.publisher';

/** The signed trust list of the registry as it is now. */
export class GetTrustListQuery extends Query<PublishedTrustList> {}

/** The alliance's did:web document: the key that signs the trust list. */
export class GetAllianceDidDocumentQuery extends Query<ControllerDocument> {}

@QueryHandler(GetTrustListQuery)
export class GetTrustListHandler implements IQueryHandler<GetTrustListQuery> {
  constructor(private readonly publisher: TrustListPublisher) {}

  execute(): Promise<PublishedTrustList> {
    return this.publisher.published();
  }
}

@QueryHandler(GetAllianceDidDocumentQuery)
export class GetAllianceDidDocumentHandler implements IQueryHandler<GetAllianceDidDocumentQuery> {
  constructor(private readonly publisher: TrustListPublisher) {}

  // The bus hands a promise back either way; the document itself is built synchronously.
  async execute(): Promise<ControllerDocument> {
    return this.publisher.didDocument();
  }
}

export const TRUST_LIST_QUERY_HANDLERS = [GetTrustListHandler, GetAllianceDidDocumentHandler];
