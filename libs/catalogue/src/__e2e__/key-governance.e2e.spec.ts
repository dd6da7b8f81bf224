import { generateEd25519KeyPair, signKeyPossession } from '@alliance/credentials';
import { requestKeyChallenge } from '@alliance/testing';
import { CATALOGUE_AGGREGATES } from '../application/catalogue-aggregates';
import { catalogueWithAdmin } from './admin-session.fixture';
import { ECIU } from './eciu.fixture';
import { keyOwner, type KeyOwner } from './key-owner.fixture';

/**
 * A co-signature must mean the institution agreed: no alliance-admin (nor anyone but the member's own
 * institution-admin) may register, rotate or revoke its keys, or even ask for a key challenge.
 */
describe("catalogue over HTTP: an institution's keys are its own", () => {
  const svc = catalogueWithAdmin();
  let member: KeyOwner;
  let bodies: Record<string, object>;

  beforeAll(async () => {
    member = await keyOwner(svc, { ...ECIU.dcu, name: 'DCU key governance' });
    await member.addKey('key-1');
    // A genuine proof for a genuine challenge: the refusal must come from who asks, not from what is sent.
    const { challenge } = await requestKeyChallenge({ catalogue: svc.http, institutionId: member.id, token: member.token, keyId: 'key-2' });
    const next = generateEd25519KeyPair();
    const proofOfPossession = signKeyPossession(challenge, next.secretKey);
    bodies = {
      'key-challenges': { keyId: 'key-3' },
      keys: { publicKeyMultibase: next.publicKeyMultibase, proofOfPossession },
      'keys (rotation)': { publicKeyMultibase: next.publicKeyMultibase, proofOfPossession, replacesKeyId: 'key-1' },
      'keys/key-1/rotate': { publicKeyMultibase: next.publicKeyMultibase, proofOfPossession },
      'keys/key-1/revoke': { reason: 'taken over by the alliance', compromisedSince: new Date(Date.now() - 60_000).toISOString() },
    };
  }, 60_000);

  const paths = ['key-challenges', 'keys', 'keys (rotation)', 'keys/key-1/rotate', 'keys/key-1/revoke'];
  const callers: [string, () => Promise<string>][] = [
    ['an alliance-admin', async () => svc.admin],
    ["another member's institution-admin", async () => `Bearer ${await svc.token('institution-admin', 'another-member')}`],
    ["the member's registrar", async () => `Bearer ${await svc.token('registrar', member.id)}`],
  ];

  describe.each(callers)('%s', (_who, token) => {
    it.each(paths)('POST /institutions/{id}/%s answers 403 problem+json and appends nothing', async (path) => {
      const stream = CATALOGUE_AGGREGATES.stream.institution(member.id);
      const revision = await svc.store.streamRevision(stream);
      const res = await svc
        .http()
        .post(`/institutions/${member.id}/${path.replace(' (rotation)', '')}`)
        .set('authorization', await token())
        .send(bodies[path]);
      expect({ status: res.status, type: res.headers['content-type'], code: JSON.parse(res.text).code }).toEqual({
        status: 403,
        type: expect.stringMatching(/^application\/problem\+json/),
        code: 'catalogue.key.not-own-institution',
      });
      expect(await svc.store.streamRevision(stream)).toBe(revision);
    });
  });

  it("accepts the same requests from the member's own admin", async () => {
    const asMember = (path: string) =>
      svc.http().post(`/institutions/${member.id}/${path}`).set('authorization', member.token).send(bodies[path]);
    const rotated = await asMember('keys/key-1/rotate');
    expect(rotated.status).toBe(201);
    const revoked = await asMember('keys/key-1/revoke');
    expect(revoked.status).toBe(200);
  });
});
