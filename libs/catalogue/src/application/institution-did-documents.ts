import type { DidWebDocumentResolver, ResolvedDidWebDocument } from '@alliance/credentials';

/**
 * Reads a member's own did:web document from its domain (the service: over HTTPS with normal certificate
 * checks, `DidWebHttpsResolver`). Throws `DidWebResolutionError` with a code saying why it could not.
 */
export abstract class InstitutionDidDocuments implements DidWebDocumentResolver {
  abstract resolve(did: string): Promise<ResolvedDidWebDocument>;
}
