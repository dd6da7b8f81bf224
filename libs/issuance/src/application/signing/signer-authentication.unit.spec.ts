import { generateEd25519KeyPair, type Ed25519KeyPair } from '@alliance/credentials';
import { InMemoryEventStore } from '@alliance/event-sourcing';
import { mintToken } from '@alliance/nest-kit';
import { signerToken } from '@alliance/contracts';
import { UNI_A } from '../../domain/__fixtures__/specs.fixture';
import type { RegisteredKey } from '../../domain/knowledge/institution-snapshot';
import { IssuanceAggregates } from '../issuance-aggregates';
import { KnowledgeReader } from '../knowledge/knowledge-reader';
import { SignerAuthentication } from './signer-authentication';
import { learnInstitution } from '../__fixtures__/known-institution.fixture';
import { ed25519Sign, privateKeyFromSeed } from '@alliance/credentials';

const SYSTEM = { actor: { subject: 'test', role: 'system' }, correlationId: 'c' };
const DID = 'did:web:uni-a.example';

async function setUp(initialStatus?: 'pending') {
  const aggregates = new IssuanceAggregates(new InMemoryEventStore());
  await learnInstitution(aggregates, UNI_A, { name: 'Uni A', countryCode: 'DE', did: DID, ...(initialStatus ? { initialStatus } : {}) });
  const learnKey = async (keyId: string, keys: Ed25519KeyPair, custody: RegisteredKey['custody']) =>
    aggregates.knownInstitution.handle(
      UNI_A,
      {
        type: 'LearnRegisteredKey',
        institutionId: UNI_A,
        key: {
          keyId,
          verificationMethodId: `${DID}#${keyId}`,
          publicKeyMultibase: keys.publicKeyMultibase,
          custody,
          validFrom: '2025-01-02T00:00:00.000Z',
        },
      },
      SYSTEM,
    );
  return { aggregates, auth: new SignerAuthentication(new KnowledgeReader(aggregates)), learnKey };
}

const tokenBy = (keys: Ed25519KeyPair, keyId: string, institutionId = UNI_A, now?: Date) =>
  signerToken({
    institutionId,
    verificationMethodId: `${DID}#${keyId}`,
    sign: async (d) => ed25519Sign(d, privateKeyFromSeed(keys.secretKey)),
    ...(now ? { now } : {}),
  });

describe('a signer proves who it signs for with its own key', () => {
  it('accepts a token signed by a key the institution holds, once', async () => {
    const { auth, learnKey } = await setUp();
    const own = generateEd25519KeyPair();
    await learnKey('signer-1', own, 'institution');
    const jwt = await tokenBy(own, 'signer-1');
    await expect(auth.authenticate(`Bearer ${jwt}`)).resolves.toEqual({ institutionId: UNI_A, verificationMethodId: `${DID}#signer-1` });
    await expect(auth.authenticate(`Bearer ${jwt}`)).rejects.toMatchObject({ code: 'issuance.signer.unauthenticated', status: 401 });
  });

  it("refuses a staff token (an alliance admin's), a key the platform holds, a key not registered, a wrong signature, an expired token", async () => {
    const { auth, learnKey } = await setUp();
    const own = generateEd25519KeyPair();
    const platformHeld = generateEd25519KeyPair();
    await learnKey('signer-1', own, 'institution');
    await learnKey('platform-1', platformHeld, 'issuance-service');
    const staff = await mintToken(
      { subject: 'root', role: 'alliance-admin' },
      { AUTH_JWT_SECRET: 'development-only-secret-change-me-0000', AUTH_ISSUER: 'alliance-platform', AUTH_AUDIENCE: 'alliance-api' },
    );
    for (const bearer of [
      `Bearer ${staff}`,
      `Bearer ${await tokenBy(platformHeld, 'platform-1')}`,
      `Bearer ${await tokenBy(generateEd25519KeyPair(), 'signer-9')}`,
      `Bearer ${await tokenBy(generateEd25519KeyPair(), 'signer-1')}`,
      `Bearer ${await tokenBy(own, 'signer-1', UNI_A, new Date(Date.now() - 3_600_000))}`,
      undefined,
    ]) {
      await expect(auth.authenticate(bearer)).rejects.toMatchObject({ status: 401 });
    }
  });

  it('refuses a key revoked for compromise, and a member that is still pending', async () => {
    const { aggregates, auth, learnKey } = await setUp();
    const own = generateEd25519KeyPair();
    await learnKey('signer-1', own, 'institution');
    await aggregates.knownInstitution.handle(
      UNI_A,
      {
        type: 'LearnKeyRevocation',
        institutionId: UNI_A,
        keyId: 'signer-1',
        reason: 'HSM stolen',
        revokedAt: new Date().toISOString(),
        compromisedSince: '2025-06-01T00:00:00.000Z',
      },
      SYSTEM,
    );
    await expect(auth.authenticate(`Bearer ${await tokenBy(own, 'signer-1')}`)).rejects.toMatchObject({ status: 401 });

    const pending = await setUp('pending');
    await pending.learnKey('signer-1', own, 'institution');
    await expect(pending.auth.authenticate(`Bearer ${await tokenBy(own, 'signer-1')}`)).rejects.toMatchObject({
      status: 403,
      code: 'issuance.signer.member-not-active',
    });
  });
});
