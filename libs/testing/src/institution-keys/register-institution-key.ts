import { type Ed25519KeyPair, type KeyPossessionChallenge, type KeyPossessionProof, signKeyPossession } from '@alliance/credentials';
import { type CatalogueTarget, postJson } from './catalogue-target';

/** A public key and its signature over the catalogue's challenge, from wherever the private half lives. */
export interface ProvenKey {
  publicKeyMultibase: string;
  proofOfPossession: KeyPossessionProof;
}

export interface KeyChallengeAnswer {
  challenge: KeyPossessionChallenge;
  /** base64url of the exact bytes to sign. */
  signingInput: string;
}

export interface RegisterInstitutionKeyOptions {
  catalogue: CatalogueTarget;
  institutionId: string;
  /** A bearer token of an institution-admin of `institutionId`: nobody else may register its keys. */
  token: string;
  keyId: string;
  custody?: 'institution' | 'issuance-service';
  /** A key pair held here: the challenge is signed with its private half. */
  keyPair?: Ed25519KeyPair;
  /** Or whoever holds the key (a signer, an HSM, the issuance service) answers the challenge. */
  prove?: (challenge: KeyPossessionChallenge) => ProvenKey | Promise<ProvenKey>;
  /** Makes it a rotation of this current key. */
  replacesKeyId?: string;
  validFrom?: string;
  validUntil?: string;
}

/** The catalogue's view of a registered key (the fields callers read). */
export interface RegisteredInstitutionKey {
  keyId: string;
  verificationMethodId: string;
  publicKeyMultibase: string;
  custody: string;
  validFrom: string;
  state: string;
}

/** `POST /institutions/{id}/key-challenges`: a single-use challenge for the key to be registered as `keyId`. */
export async function requestKeyChallenge(
  options: Pick<RegisterInstitutionKeyOptions, 'catalogue' | 'institutionId' | 'token' | 'keyId'>,
): Promise<KeyChallengeAnswer> {
  const path = `/institutions/${encodeURIComponent(options.institutionId)}/key-challenges`;
  return (await postJson<KeyChallengeAnswer>(options.catalogue, path, options.token, { keyId: options.keyId })).body;
}

/**
 * Registers an institution's key the only way the catalogue accepts: as that institution's admin, with a
 * challenge signed by the key itself. Requests the challenge, has it signed, posts the key; throws on any refusal.
 */
export async function registerInstitutionKey(options: RegisterInstitutionKeyOptions): Promise<RegisteredInstitutionKey> {
  const { catalogue, institutionId, token, keyId, custody, replacesKeyId, validFrom, validUntil } = options;
  const { challenge } = await requestKeyChallenge(options);
  const proven = await proveWith(options, challenge);
  const body = {
    keyId,
    publicKeyMultibase: proven.publicKeyMultibase,
    proofOfPossession: proven.proofOfPossession,
    ...(custody ? { custody } : {}),
    ...(replacesKeyId ? { replacesKeyId } : {}),
    ...(validFrom ? { validFrom } : {}),
    ...(validUntil ? { validUntil } : {}),
  };
  return (await postJson<RegisteredInstitutionKey>(catalogue, `/institutions/${encodeURIComponent(institutionId)}/keys`, token, body)).body;
}

async function proveWith(options: RegisterInstitutionKeyOptions, challenge: KeyPossessionChallenge): Promise<ProvenKey> {
  if (options.prove) return options.prove(challenge);
  if (!options.keyPair) throw new TypeError('registerInstitutionKey needs a keyPair or a prove callback');
  return {
    publicKeyMultibase: options.keyPair.publicKeyMultibase,
    proofOfPossession: signKeyPossession(challenge, options.keyPair.secretKey),
  };
}
