import { randomBytes } from 'node:crypto';
import {
  buildDidWebDocument,
  createDocumentLoader,
  createVerificationMethodResolver,
  type JsonObject,
  verifyCredential,
} from '@alliance/credentials';
import { pollUntil } from '@alliance/event-sourcing';
import type { IntegrationBus } from '@alliance/messaging';
import { startServiceUnderTest, type ServiceUnderTest } from '@alliance/service-runtime';
import request from 'supertest';
import type { IssuanceConfig } from '../issuance.config';
import { ISSUANCE_SERVICE } from '../issuance.context';
import { MEMBERS, messages, UNI_A, UNI_B } from './alliance-messages';

export interface IssuanceApp extends ServiceUnderTest<IssuanceConfig> {
  http: () => ReturnType<typeof request>;
}

/**
 * The issuance service as it runs in embedded mode (event store on disk, PGlite read models), listening on a
 * free port so the status list URLs in its credentials resolve, with a bus the test publishes other
 * contexts' events on.
 */
export async function startIssuance(
  options: { env?: Record<string, string>; bus?: IntegrationBus; dataDir?: string } = {},
): Promise<IssuanceApp> {
  const service = await startServiceUnderTest(ISSUANCE_SERVICE, {
    env: { ISSUANCE_MASTER_KEY: 'a'.repeat(64), ISSUANCE_CRYPTOSUITE: 'eddsa-rdfc-2022', ...options.env },
    bus: options.bus,
    dataDir: options.dataDir,
    listen: true,
  });
  return { ...service, http: () => request(service.app.getHttpServer()) };
}

/** Polls until `probe` returns a value, or fails after `timeoutMs`. */
export function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  return pollUntil(probe, { timeoutMs, timedOut: () => new Error(`timed out waiting for ${what}`) });
}

/**
 * What an institution's own admin does to have the platform sign for it: asks issuance to generate a key
 * that signs the catalogue's possession challenge, then chooses the automatic policy. Returns the generated key.
 */
export async function delegateToPlatform(
  it: IssuanceApp,
  institutionId: string,
  keyId = 'key-1',
): Promise<{ publicKeyMultibase: string; keyRef: string; proofOfPossession: { nonce: string; signature: string } }> {
  const admin = `Bearer ${await it.token('institution-admin', institutionId)}`;
  const challenge = {
    type: 'alliance-key-possession',
    institutionId,
    keyId,
    nonce: randomBytes(32).toString('base64url'),
    expiresAt: new Date(Date.now() + 600_000).toISOString(),
  };
  const generated = await it
    .http()
    .post(`/institutions/${institutionId}/signing-keys`)
    .set('authorization', admin)
    .send({ challenge })
    .expect(201);
  await it
    .http()
    .put(`/institutions/${institutionId}/signing-policy`)
    .set('authorization', admin)
    .send({ policy: 'automatic' })
    .expect(200);
  return generated.body;
}

/** The members' did:web documents as a verifier would resolve them, listing each member's registered key. */
export function memberKeyResolver(keys: Record<string, string>) {
  return createVerificationMethodResolver({
    resolveDidWeb: (did) => {
      const id = Object.keys(MEMBERS).find((k) => MEMBERS[k as keyof typeof MEMBERS].did === did);
      return id && keys[id] ? buildDidWebDocument(did, [{ id: `${did}#key-1`, publicKeyMultibase: keys[id] }]) : undefined;
    },
  });
}

/** Verifies a credential as co-signed by both awarding bodies of the fixture definition, contexts from the service. */
export function verifyCoSigned(it: IssuanceApp, vc: JsonObject, keys: Record<string, string>) {
  return verifyCredential(vc, {
    resolveVerificationMethod: memberKeyResolver(keys),
    requiredSigners: [MEMBERS[UNI_A].did, MEMBERS[UNI_B].did],
    documentLoader: createDocumentLoader({ servedAt: [it.url] }),
  });
}

/**
 * Enrols `learner` on the alliance definition and publishes passing results for both its components, then waits
 * for the co-signed credential issuance issues them; `person` names the learner and their address.
 */
export async function issueTo(it: IssuanceApp, learner: string, person?: { name: string; email: string }): Promise<string> {
  await it.bus.publish([
    messages.enrolled(`enr-${learner}`, learner, undefined, person),
    messages.result(`enr-${learner}`, learner, 'SES-1', 8),
    messages.result(`enr-${learner}`, learner, 'SES-2', 7),
  ]);
  const admin = await it.bearer('alliance-admin');
  const issued = await eventually(
    async () => {
      const res = await it.http().get(`/credentials?learner=${learner}`).set('authorization', admin);
      return (res.body as { items: { credentialId: string; lifecycle: string }[] }).items.find((c) => c.lifecycle === 'issued');
    },
    30_000,
    `the credential of ${learner}`,
  );
  return issued.credentialId;
}
