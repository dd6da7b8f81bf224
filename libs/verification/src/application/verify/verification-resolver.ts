import {
  buildDidWebDocument,
  type ControllerDocument,
  createVerificationMethodResolver,
  didWebToUrl,
  type VerificationMethodResolver,
} from '@alliance/credentials';
import type { RegisteredInstitution } from '../../domain/registry/registered-institution';
import type { WebFetcher } from '../ports/web-fetcher.port';

export interface ResolverOutcome {
  resolver: VerificationMethodResolver;
  /** DIDs whose document could not be fetched: their proofs could not be checked (not: were forged). */
  unreachable: Map<string, string>;
}

/**
 * Keys of alliance members come from the registry, never from the credential or the web: a credential cannot
 * bring its own keys for a member. did:key is derived from the identifier; other did:web documents and https
 * issuer profiles are fetched.
 */
export function verificationResolver(registry: Map<string, RegisteredInstitution>, fetcher: WebFetcher | undefined): ResolverOutcome {
  const unreachable = new Map<string, string>();
  const resolver = createVerificationMethodResolver({
    resolveDidWeb: async (did): Promise<ControllerDocument | undefined> => {
      const member = registry.get(did);
      if (member)
        return buildDidWebDocument(
          did,
          member.keys.map((k) => ({ id: k.verificationMethodId, publicKeyMultibase: k.publicKeyMultibase })),
        );
      if (!fetcher) {
        unreachable.set(did, 'resolving did:web issuers outside the alliance is switched off');
        return undefined;
      }
      const fetched = await fetcher.fetchJson(didWebToUrl(did));
      if (!fetched.ok) {
        unreachable.set(did, fetched.error);
        return undefined;
      }
      return fetched.json as ControllerDocument;
    },
    // Open Badges issuers may publish their keys in their profile at an https URL (a controller document).
    resolveController: async (controllerId): Promise<ControllerDocument | undefined> => {
      if (!/^https?:\/\//.test(controllerId)) return undefined;
      if (!fetcher) {
        unreachable.set(controllerId, 'fetching issuer profiles is switched off');
        return undefined;
      }
      const fetched = await fetcher.fetchJson(controllerId);
      if (!fetched.ok) {
        unreachable.set(controllerId, fetched.error);
        return undefined;
      }
      return fetched.json as ControllerDocument;
    },
  });
  return { resolver, unreachable };
}
