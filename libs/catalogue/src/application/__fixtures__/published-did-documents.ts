import { type ControllerDocument, didWebToUrl, DidWebResolutionError, type ResolvedDidWebDocument } from '@alliance/credentials';
import { InstitutionDidDocuments } from '../institution-did-documents';

/** DID documents as members publish them at their own domains, in memory: what handler specs resolve against. */
export class PublishedDidDocuments extends InstitutionDidDocuments {
  private readonly documents = new Map<string, ControllerDocument>();
  /** Every DID resolved, in order. */
  readonly resolved: string[] = [];

  publish(document: ControllerDocument): void {
    this.documents.set(document.id, document);
  }

  async resolve(did: string): Promise<ResolvedDidWebDocument> {
    this.resolved.push(did);
    const url = didWebToUrl(did);
    const document = this.documents.get(did);
    if (!document) throw new DidWebResolutionError('HTTP_STATUS', `${url} answered HTTP 404`, url);
    return { did, url, document, resolvedAt: new Date().toISOString() };
  }
}
