import { buildDidWebDocument, type DidWebKey, type Ed25519KeyPair, generateEd25519KeyPair } from '@alliance/credentials';
import { registerInstitutionKey, type RegisterInstitutionKeyOptions } from '@alliance/testing';
import type { Test } from 'supertest';
import type { AdminSession } from './admin-session.fixture';

/** A member as its own institution-admin sees it: its token, and key registration the way the catalogue demands. */
export interface KeyOwner {
  id: string;
  did: string;
  /** `Bearer …` of an institution-admin of this member. */
  token: string;
  /** Asks, as this admin, for a challenge the key to be registered as `keyId` must sign (the raw response). */
  requestChallenge(keyId: string): Test;
  /** Posts a key registration as this admin, the body as given (the raw response). */
  postKey(body: object): Test;
  /** Lists the key in the DID document the member hosts itself (read only when its DID is not platform-hosted). */
  publishKey(keyId: string, publicKeyMultibase: string): void;
  /** Publishes the key, then registers it. */
  addKey(
    keyId: string,
    options?: Partial<RegisterInstitutionKeyOptions>,
  ): Promise<{ keyPair: Ed25519KeyPair; key: { keyId: string; state: string } }>;
}

/** Registers a member as the alliance-admin, then hands it to its own admin. */
export async function keyOwner(svc: AdminSession, profile: object): Promise<KeyOwner> {
  const res = await svc.register(profile);
  if (res.status !== 201) throw new Error(`registering: ${res.status} ${res.text}`);
  const { id, did } = res.body as { id: string; did: string };
  const token = `Bearer ${await svc.token('institution-admin', id, `admin@${id}`)}`;
  const published: DidWebKey[] = [];
  const publishKey = (keyId: string, publicKeyMultibase: string) => {
    published.push({ id: `${did}#${keyId}`, publicKeyMultibase });
    svc.didDocuments.publish(buildDidWebDocument(did, published));
  };
  return {
    id,
    did,
    token,
    requestChallenge: (keyId) => svc.http().post(`/institutions/${id}/key-challenges`).set('authorization', token).send({ keyId }),
    postKey: (body) => svc.http().post(`/institutions/${id}/keys`).set('authorization', token).send(body),
    publishKey,
    async addKey(keyId, options = {}) {
      const keyPair = options.keyPair ?? generateEd25519KeyPair();
      publishKey(keyId, keyPair.publicKeyMultibase);
      const key = await registerInstitutionKey({ catalogue: svc.http, institutionId: id, token, keyId, keyPair, ...options });
      return { keyPair, key };
    },
  };
}
