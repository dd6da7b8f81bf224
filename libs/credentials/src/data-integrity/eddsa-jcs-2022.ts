import canonicalize from 'canonicalize';
import type { Cryptosuite } from './cryptosuite';
import type { JsonObject } from './types';

function jcs(value: JsonObject): string {
  const out = canonicalize(value);
  if (out === undefined) throw new TypeError('value cannot be serialized as JSON');
  return out;
}

/**
 * eddsa-jcs-2022: RFC 8785 JSON Canonicalization, no JSON-LD processing. Fast, but not among the suites
 * Open Badges 3.0 certification lists.
 */
export const eddsaJcs2022: Cryptosuite = {
  name: 'eddsa-jcs-2022',
  proofCarriesContext: true,
  canonicalizeDocument: async (document) => jcs(document),
  canonicalizeProofConfig: async (proofConfig) => jcs(proofConfig),
};
