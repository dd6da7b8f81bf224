import { canonicalizeRdf } from '../jsonld/rdf-canonicalize';
import type { Cryptosuite } from './cryptosuite';
import { ProofConfigTemplates } from './proof-config-template';

const proofConfigs = new ProofConfigTemplates(canonicalizeRdf);

/**
 * eddsa-rdfc-2022: RDF Dataset Canonicalization over the JSON-LD meaning of the document, the suite Open
 * Badges 3.0 certification lists. Every context is resolved through the given offline loader.
 */
export const eddsaRdfc2022: Cryptosuite = {
  name: 'eddsa-rdfc-2022',
  proofCarriesContext: false,
  canonicalizeDocument: (document, loader) => canonicalizeRdf(document, loader),
  canonicalizeProofConfig: (proofConfig, loader) => proofConfigs.canonicalizeProofConfig(proofConfig, loader),
};
