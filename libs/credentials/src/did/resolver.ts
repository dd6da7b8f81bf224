import { VerificationMethodError } from '../data-integrity/errors';
import { type ControllerDocument, selectVerificationMethod, type VerificationMethodResolver } from './controller-document';
import { resolveDidKey } from './did-key';
import { didWebToUrl } from './did-web';

/** Where {@link createVerificationMethodResolver} gets controller documents it cannot derive itself. */
export interface ResolverSources {
  /**
   * Returns the did:web document of `did` (the platform serves them, so it supplies them), or undefined
   * when unknown. `url` is where the document would be published.
   */
  resolveDidWeb?: (did: string, url: string) => Promise<ControllerDocument | undefined> | ControllerDocument | undefined;
  /** Returns the controller document of any other controller (an HTTPS issuer profile, another DID method). */
  resolveController?: (controllerId: string) => Promise<ControllerDocument | undefined> | ControllerDocument | undefined;
}

/**
 * A resolver for Data Integrity verification: did:key is derived from the identifier, did:web and other
 * controllers come from the given callbacks, and every method is checked against its controller document
 * and the proof purpose.
 */
export function createVerificationMethodResolver(sources: ResolverSources = {}): VerificationMethodResolver {
  return async (verificationMethodId, { proofPurpose }) => {
    const controllerId = verificationMethodId.split('#')[0];
    let document: ControllerDocument | undefined;
    if (controllerId.startsWith('did:key:')) {
      document = resolveDidKey(controllerId);
    } else if (controllerId.startsWith('did:web:')) {
      let url: string;
      try {
        url = didWebToUrl(controllerId);
      } catch (e) {
        throw new VerificationMethodError('UNKNOWN_VERIFICATION_METHOD', (e as Error).message);
      }
      if (!sources.resolveDidWeb)
        throw new VerificationMethodError('UNKNOWN_VERIFICATION_METHOD', `no did:web resolver is configured for ${controllerId}`);
      document = await sources.resolveDidWeb(controllerId, url);
    } else if (sources.resolveController) {
      document = await sources.resolveController(controllerId);
    }
    if (!document)
      throw new VerificationMethodError(
        'UNKNOWN_VERIFICATION_METHOD',
        `controller ${controllerId} of ${verificationMethodId} could not be resolved`,
      );
    return selectVerificationMethod(document, verificationMethodId, proofPurpose);
  };
}
