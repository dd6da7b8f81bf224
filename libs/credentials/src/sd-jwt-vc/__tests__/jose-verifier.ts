// An issuer-signature check built on jose, independent of the library's own node:crypto verification.
import { flattenedVerify, importJWK } from 'jose';
import type { Jwk } from '../jose-keys';

export function joseVerifier(publicJwk: Jwk, alg: 'ES256' | 'EdDSA') {
  return async (signingInput: string, signature: string): Promise<boolean> => {
    const [protectedHeader, payload] = signingInput.split('.');
    try {
      await flattenedVerify({ protected: protectedHeader, payload, signature }, await importJWK(publicJwk, alg));
      return true;
    } catch {
      return false;
    }
  };
}
