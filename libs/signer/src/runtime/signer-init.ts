import { type KeyPossessionChallenge, keyPossessionSigningInput } from '@alliance/credentials';
import type { SignerConfig } from '../config/signer-config';
import { type SignerIdentity, writeIdentity } from './signer-identity';
import { keyStoreFromConfig } from './key-store-from-config';

export interface InitProgress {
  (step: string, detail?: Record<string, unknown>): void;
}

async function call<T>(method: string, url: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Enrols a signer for its institution: makes the key inside the key store (or reuses it), proves possession to
 * the catalogue by signing its challenge with that key, registers the public half (custody: institution), and
 * sets the institution's signing policy to its own signer. Needs a token of the institution's own admin.
 */
export async function initSigner(
  config: SignerConfig,
  adminToken: string,
  progress: InitProgress = () => undefined,
): Promise<SignerIdentity> {
  const store = await keyStoreFromConfig(config);
  try {
    const institutionId = config.SIGNER_INSTITUTION_ID;
    const keyId = config.SIGNER_KEY_ID;
    let publicKeyMultibase = await store.publicKeyMultibase(keyId);
    if (publicKeyMultibase) progress('key found in the key store', { keyId, store: store.kind });
    else {
      publicKeyMultibase = (await store.generate(keyId)).publicKeyMultibase;
      progress('key generated in the key store', { keyId, store: store.kind });
    }
    const catalogue = config.SIGNER_CATALOGUE_URL.replace(/\/$/, '');
    const existing = (
      await call<{ keyId: string; publicKeyMultibase: string; verificationMethodId: string }[]>(
        'GET',
        `${catalogue}/institutions/${institutionId}/keys`,
        adminToken,
      )
    ).find((k) => k.keyId === keyId);
    let verificationMethodId: string;
    if (existing) {
      if (existing.publicKeyMultibase !== publicKeyMultibase) {
        throw new Error(`the catalogue already has a different key named ${keyId} for this institution; choose another SIGNER_KEY_ID`);
      }
      verificationMethodId = existing.verificationMethodId;
      progress('key already registered in the catalogue', { verificationMethodId });
    } else {
      const { challenge } = await call<{ challenge: KeyPossessionChallenge }>(
        'POST',
        `${catalogue}/institutions/${institutionId}/key-challenges`,
        adminToken,
        { keyId },
      );
      const signature = Buffer.from(await store.sign(keyId, keyPossessionSigningInput(challenge))).toString('base64url');
      const registered = await call<{ verificationMethodId: string }>(
        'POST',
        `${catalogue}/institutions/${institutionId}/keys`,
        adminToken,
        {
          keyId,
          publicKeyMultibase,
          custody: 'institution',
          proofOfPossession: { nonce: challenge.nonce, signature },
        },
      );
      verificationMethodId = registered.verificationMethodId;
      progress('key registered in the catalogue with proof of possession', { verificationMethodId });
    }
    await call('PUT', `${config.SIGNER_ISSUANCE_URL.replace(/\/$/, '')}/institutions/${institutionId}/signing-policy`, adminToken, {
      policy: 'institution-signer',
    });
    progress('signing policy set: this institution signs with its own signer');
    const identity: SignerIdentity = {
      institutionId,
      keyId,
      verificationMethodId,
      publicKeyMultibase,
      registeredAt: new Date().toISOString(),
    };
    writeIdentity(config.SIGNER_DATA_DIR, identity);
    return identity;
  } finally {
    await store.close();
  }
}
