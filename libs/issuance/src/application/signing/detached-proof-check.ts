import {
  buildDidWebDocument,
  createVerificationMethodResolver,
  type DocumentLoader,
  type JsonObject,
  verifyCredential,
} from '@alliance/credentials';
import type { ProofCheck } from '../../domain/credential/credential.commands';
import { type InstitutionSnapshot, keyCovers, membershipAt } from '../../domain/knowledge/institution-snapshot';

/**
 * Checks a proof an institution made itself over a pending credential: the signature over exactly the
 * unsigned document, by a key the registry bound to that institution and valid at the credential's validFrom.
 */
export async function checkDetachedProof(
  document: JsonObject,
  proof: JsonObject,
  institution: InstitutionSnapshot,
  documentLoader?: DocumentLoader,
): Promise<ProofCheck> {
  const vm = proof['verificationMethod'];
  if (typeof vm !== 'string') return { valid: false, reason: 'the proof names no verificationMethod' };
  if (!vm.startsWith(`${institution.did}#`))
    return { valid: false, reason: `${vm} is not a key of ${institution.name} (${institution.did})` };
  const key = institution.keys.find((k) => k.verificationMethodId === vm);
  if (!key) return { valid: false, reason: `${vm} is not registered for ${institution.name} in the alliance registry` };
  const validFrom = String(document['validFrom']);
  if (!keyCovers(key, validFrom))
    return { valid: false, reason: `key ${key.keyId} is not valid at the credential's validFrom ${validFrom}` };
  if (membershipAt(institution, validFrom) !== 'active')
    return { valid: false, reason: `${institution.name} was not an active member at ${validFrom}` };
  const resolver = createVerificationMethodResolver({
    resolveDidWeb: (did) =>
      did === institution.did
        ? buildDidWebDocument(
            did,
            institution.keys.map((k) => ({ id: k.verificationMethodId, publicKeyMultibase: k.publicKeyMultibase })),
          )
        : undefined,
  });
  const result = await verifyCredential(
    { ...document, proof: [proof] },
    { resolveVerificationMethod: resolver, checkValidityPeriod: false, ...(documentLoader ? { documentLoader } : {}) },
  );
  if (result.verified) return { valid: true };
  const problems = [...result.errors, ...result.proofs.flatMap((p) => p.errors)];
  return { valid: false, reason: problems.map((p) => `${p.code}: ${p.message}`).join('; ') || 'the proof does not verify' };
}
