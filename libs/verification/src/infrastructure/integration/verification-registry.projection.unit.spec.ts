import { deepStrictEqual } from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { generateEd25519KeyPair, signKeyPossession } from '@alliance/credentials';
import {
  institutionActivatedV1,
  institutionKeyAddedV1,
  institutionKeyRevokedV1,
  institutionKeyRotatedV1,
  institutionRegisteredV1,
  type SigningKeyV1,
} from '@alliance/contracts';
import {
  ensureReadModelTables,
  forkEntityManager,
  type ReadModelOrm,
  PGLITE_START_BUDGET_MS,
  startPgliteForSpecs,
} from '@alliance/event-sourcing';
import type { IntegrationMessage, MessageContext } from '@alliance/messaging';
import type { RegisteredInstitution } from '../../domain/registry/registered-institution';
import { CredentialNoteRows } from '../registry/credential-notes-rows';
import { OrmRegistry } from '../registry/orm-registry';
import { RegistryRows } from '../registry/registry-rows';
import { VERIFICATION_INBOX, verificationMessageHandler } from './verification-inbox-routes';

// PGlite starts a whole PostgreSQL in WebAssembly: slow on a busy machine.
jest.setTimeout(60_000);

const UNI = 'inst-b';
const DID = 'did:web:tuhh.example';
const REGISTERED = '2026-01-05T09:00:00.000Z';
const ACTIVATED = '2026-01-06T10:00:00.000Z';
const COMPROMISED = '2026-02-01T00:00:00.000Z';
const REVOKED = '2026-02-03T12:00:00.000Z';
const context: MessageContext = { attempt: 1, group: 'verification', topic: 'alliance.catalogue', replayed: false };
const envelope = () => ({ eventId: randomUUID(), occurredAt: '2026-01-05T09:00:00.000Z', correlationId: 'spec' });

const key1 = generateEd25519KeyPair();
const key2 = generateEd25519KeyPair();
const stranger = generateEd25519KeyPair();
const challenge = (keyId: string) => ({
  type: 'alliance-key-possession' as const,
  institutionId: UNI,
  keyId,
  nonce: `nonce-${keyId}`,
  expiresAt: '2026-01-06T10:05:00.000Z',
});
const signingKey = (
  keyId: string,
  publicKeyMultibase: string,
  custody: SigningKeyV1['custody'],
  signer: Uint8Array | string,
  validFrom = ACTIVATED,
): SigningKeyV1 => ({
  keyId,
  verificationMethodId: `${DID}#${keyId}`,
  type: 'Multikey',
  algorithm: 'Ed25519',
  publicKeyMultibase,
  custody,
  validFrom,
  possession: { challenge: challenge(keyId), signature: signKeyPossession(challenge(keyId), signer).signature },
});

const registered = () =>
  institutionRegisteredV1.message(
    {
      institutionId: UNI,
      name: 'Hamburg University of Technology',
      legalName: 'Technische Universität Hamburg',
      countryCode: 'DE',
      homepage: 'https://tuhh.example',
      did: DID,
      registeredAt: REGISTERED,
      status: 'pending',
    },
    envelope(),
  );
const activated = () => institutionActivatedV1.message({ institutionId: UNI, activatedAt: ACTIVATED }, envelope());
const keyAdded = () =>
  institutionKeyAddedV1.message(
    { institutionId: UNI, key: signingKey('key-1', key1.publicKeyMultibase, 'institution', key1.secretKey) },
    envelope(),
  );
const rotatedToDelegated = () =>
  institutionKeyRotatedV1.message(
    {
      institutionId: UNI,
      previousKeyId: 'key-1',
      previousValidUntil: '2026-03-01T00:00:00.000Z',
      newKey: signingKey('key-2', key2.publicKeyMultibase, 'issuance-service', key2.secretKey, '2026-03-01T00:00:00.000Z'),
    },
    envelope(),
  );
const revokedCompromised = () =>
  institutionKeyRevokedV1.message(
    { institutionId: UNI, keyId: 'key-1', reason: 'signer host breached', revokedAt: REVOKED, compromisedSince: COMPROMISED },
    envelope(),
  );
const revokedRoutinely = () =>
  institutionKeyRevokedV1.message(
    { institutionId: UNI, keyId: 'key-1', reason: 'retired', revokedAt: '2026-02-20T00:00:00.000Z' },
    envelope(),
  );
// Its possession proof is signed by a key other than the one announced.
const keyWithoutPossession = () =>
  institutionKeyAddedV1.message(
    { institutionId: UNI, key: signingKey('key-9', key2.publicKeyMultibase, 'institution', stranger.secretKey) },
    envelope(),
  );

describe('the registry projection of the catalogue facts (PGlite)', () => {
  let orm: ReadModelOrm;
  const warnings: unknown[] = [];
  const handler = () => verificationMessageHandler(orm, { warn: (message: unknown) => void warnings.push(message) });

  beforeAll(async () => {
    orm = await startPgliteForSpecs();
    await ensureReadModelTables(orm, [RegistryRows, CredentialNoteRows]);
    await VERIFICATION_INBOX.ensureTable(forkEntityManager(orm));
  }, PGLITE_START_BUDGET_MS);
  afterAll(() => orm?.close());
  beforeEach(async () => {
    warnings.length = 0;
    await orm.em.fork().execute('delete from verification_registry');
    await orm.em.fork().execute('delete from inbox_processed');
  });

  const rows = async () =>
    JSON.parse(
      JSON.stringify(await orm.em.fork().execute<Record<string, unknown>[]>('select * from verification_registry order by institution_id')),
    ) as Record<string, unknown>[];
  const deliver = async (messages: IntegrationMessage[]) => {
    const handle = handler();
    for (const m of messages) await handle(m, context);
  };
  const record = async () => (await new OrmRegistry(orm).all()).find((r) => r.institutionId === UNI) as RegisteredInstitution;

  /**
   * Given these catalogue facts, delivered one by one, then: delivered again as they were (the inbox drops
   * them), and replayed as new deliveries of the same facts (a rebuild, or an inbox that lost its memory,
   * so the projection itself must be idempotent): every pass must leave the same rows.
   */
  async function given(facts: (() => IntegrationMessage)[]): Promise<RegisteredInstitution> {
    const messages = facts.map((f) => f());
    await deliver(messages);
    const first = await rows();
    await deliver(messages);
    deepStrictEqual(await rows(), first, 'delivering the same messages twice changed the registry');
    await deliver(facts.map((f) => f()));
    deepStrictEqual(await rows(), first, 'replaying the same facts changed the registry: the projection is not idempotent');
    return record();
  }

  it('keeps the pending period before the activation, and the custody of each key', async () => {
    const r = await given([registered, activated, keyAdded, rotatedToDelegated]);
    expect(r.statusHistory).toEqual([
      { status: 'pending', from: REGISTERED },
      { status: 'active', from: ACTIVATED },
    ]);
    expect(r.keys).toEqual([
      expect.objectContaining({ keyId: 'key-1', custody: 'institution', validFrom: ACTIVATED, validUntil: '2026-03-01T00:00:00.000Z' }),
      expect.objectContaining({ keyId: 'key-2', custody: 'issuance-service', validFrom: '2026-03-01T00:00:00.000Z' }),
    ]);
    expect(r.keys[0]).not.toHaveProperty('possession');
  });

  it('records a revocation for compromise: the window ends at revokedAt and compromisedSince is kept', async () => {
    const r = await given([registered, activated, keyAdded, revokedCompromised]);
    expect(r.keys).toEqual([
      expect.objectContaining({
        keyId: 'key-1',
        validUntil: REVOKED,
        revokedAt: REVOKED,
        revocationReason: 'signer host breached',
        compromisedSince: COMPROMISED,
      }),
    ]);
  });

  it('ends a routinely retired key at revokedAt, and a later report of compromise adds compromisedSince without reopening the window', async () => {
    const r = await given([registered, activated, keyAdded, revokedRoutinely, revokedCompromised]);
    expect(r.keys[0]).toMatchObject({ validUntil: REVOKED, revokedAt: REVOKED, compromisedSince: COMPROMISED });
  });

  it('gives the same record whichever order the facts arrive in (a revocation replayed before its key)', async () => {
    const inOrder = await given([registered, activated, keyAdded, revokedCompromised]);
    await orm.em.fork().execute('delete from verification_registry');
    const overtaken = await given([revokedCompromised, activated, keyAdded, registered]);
    expect(overtaken).toEqual(inOrder);
    expect(overtaken).not.toHaveProperty('pendingRevocations');
  });

  it('does not bind a key whose proof of possession does not verify, and says so in the log', async () => {
    const r = await given([registered, activated, keyAdded, keyWithoutPossession]);
    expect(r.keys.map((k) => k.keyId)).toEqual(['key-1']);
    expect(r.unboundKeys).toEqual([
      { keyId: 'key-9', verificationMethodId: `${DID}#key-9`, reason: 'its proof of possession does not verify with the key' },
    ]);
    expect(warnings).toContainEqual(expect.objectContaining({ institutionId: UNI, keyId: 'key-9' }));
  });

  it('accepts a legacy key announced without a proof of possession, and a legacy registration as active', async () => {
    const legacy = () =>
      institutionRegisteredV1.message(
        {
          institutionId: UNI,
          name: 'Hamburg University of Technology',
          legalName: 'TUHH',
          countryCode: 'DE',
          homepage: 'https://tuhh.example',
          did: DID,
          registeredAt: REGISTERED,
        },
        envelope(),
      );
    const { possession: _none, ...bare } = signingKey('key-1', key1.publicKeyMultibase, 'institution', key1.secretKey);
    const r = await given([legacy, () => institutionKeyAddedV1.message({ institutionId: UNI, key: bare }, envelope())]);
    expect(r.statusHistory).toEqual([{ status: 'active', from: REGISTERED }]);
    expect(r.keys.map((k) => k.keyId)).toEqual(['key-1']);
    expect(warnings).toEqual([]);
  });
});
