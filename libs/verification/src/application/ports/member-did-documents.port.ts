import type { DidWebDocumentResolver } from '@alliance/credentials';

/**
 * Reads the did:web document a member hosts at its own domain, live (the service: `DidWebHttpsResolver`, HTTPS
 * only, normal certificate checks, a deadline and a size cap). Throws `DidWebResolutionError` saying why it
 * could not. Not used for platform-hosted members: the catalogue writes their documents from the registry.
 */
export type MemberDidDocuments = DidWebDocumentResolver;
