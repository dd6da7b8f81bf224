import { generateEd25519KeyPair, type JsonObject, signCredential } from '@alliance/credentials';
import { MEMBERS, messages, SPEC, UNI_A, UNI_B, UNI_C } from './alliance-messages';
import { delegateToPlatform, eventually, type IssuanceApp, startIssuance } from './issuance-app';

type Summary = { credentialId: string; lifecycle: string; specId: string; awardingBodies: { institutionId: string; signed: boolean }[] };

describe('issuance over HTTP: manual signing and stacked credentials', () => {
  let it$: IssuanceApp;
  const keys: Record<string, string> = {};
  const own = generateEd25519KeyPair();
  let admin: string;
  const list = async (learner: string) =>
    ((await it$.http().get(`/credentials?learner=${learner}`).set('authorization', `Bearer ${admin}`)).body as { items: Summary[] }).items;
  const c = (code: string, id: keyof typeof MEMBERS) => ({
    code,
    title: code,
    institutionId: id,
    institutionDid: MEMBERS[id].did,
    institutionName: MEMBERS[id].name,
    ects: 3,
  });
  const body = (id: keyof typeof MEMBERS, lead: boolean) => ({
    institutionId: id,
    lead,
    ...MEMBERS[id],
    homepage: `https://${MEMBERS[id].did.slice(8)}`,
  });
  /** Both Data Ethics results (SES-1 at A, ETH-1 at C) of one enrolment, for a learner. */
  const dataEthicsPassed = async (enrolmentId: string, learner: string) => {
    await it$.bus.publish([messages.enrolled(enrolmentId, learner, 'spec-c'), messages.result(enrolmentId, learner, 'SES-1', 8, 'spec-c')]);
    await it$.bus.publish([
      {
        ...messages.result(enrolmentId, learner, 'SES-2', 8, 'spec-c'),
        payload: {
          ...(messages.result(enrolmentId, learner, 'SES-2', 8, 'spec-c').payload as object),
          componentCode: 'ETH-1',
          institutionId: UNI_C,
          resultId: `${enrolmentId}-ETH-1`,
        },
      },
    ]);
    return eventually(
      async () => (await list(learner)).find((x) => x.specId === 'spec-c' && x.awardingBodies.some((b) => b.signed)),
      30_000,
      `the Data Ethics credential of ${learner}`,
    );
  };
  /** C's own proof over the unsigned document, made offline with the key only C holds. */
  const proofOfC = async (credentialId: string, unsigned?: JsonObject) =>
    (
      await signCredential(unsigned ?? (await unsignedDocument(credentialId)), [
        { verificationMethod: `${MEMBERS[UNI_C].did}#own-1`, privateKey: own.secretKey, cryptosuite: 'eddsa-jcs-2022' },
      ])
    ).proof[0];

  beforeAll(async () => {
    it$ = await startIssuance({ env: { ISSUANCE_CRYPTOSUITE: 'eddsa-jcs-2022' } });
    admin = await it$.token('alliance-admin');
    await it$.bus.publish([
      messages.institutionRegistered(UNI_A),
      messages.institutionRegistered(UNI_B),
      messages.institutionRegistered(UNI_C),
    ]);
    for (const id of [UNI_A, UNI_B]) {
      keys[id] = (await delegateToPlatform(it$, id)).publicKeyMultibase;
      await it$.bus.publish([messages.keyAdded(id as typeof UNI_A, keys[id])]);
    }
    // C signs with a key it holds itself: the platform never sees its private half.
    await it$.bus.publish([messages.keyAdded(UNI_C, own.publicKeyMultibase, 'own-1')]);
    // The definitions every case issues against: published here so each case runs alone too.
    await it$.bus.publish([
      messages.specPublished(),
      messages.specPublished({
        credentialSpecId: 'spec-c',
        title: 'Data Ethics',
        awardingBodies: [body(UNI_A, true), body(UNI_C, false)],
        components: [c('SES-1', UNI_A), c('ETH-1', UNI_C)],
        issuanceRule: { allComponentsPassed: true },
      }),
    ]);
  }, 60_000);
  afterAll(() => it$?.close());

  it('waits for a manual institution, which endorses with the platform-held key', async () => {
    const adminB = `Bearer ${await it$.token('institution-admin', UNI_B)}`;
    await it$
      .http()
      .put(`/institutions/${UNI_B}/signing-policy`)
      .set('authorization', adminB)
      .send({ policy: 'manual' })
      .expect(200, { institutionId: UNI_B, policy: 'manual' });
    await it$.bus.publish([
      messages.enrolled('enr-m', 'learner-m'),
      messages.result('enr-m', 'learner-m', 'SES-1', 9),
      messages.result('enr-m', 'learner-m', 'SES-2', 9),
    ]);
    const pending = await eventually(
      async () => (await list('learner-m')).find((c) => c.lifecycle === 'collecting-proofs' && c.awardingBodies.some((b) => b.signed)),
      30_000,
      'a pending credential',
    );
    expect(pending.awardingBodies).toEqual([
      expect.objectContaining({ institutionId: UNI_A, signed: true }),
      expect.objectContaining({ institutionId: UNI_B, signed: false }),
    ]);
    const waiting = await it$.http().get(`/credentials/${pending.credentialId}`).set('authorization', `Bearer ${admin}`).expect(409);
    expect(JSON.parse(waiting.text)).toMatchObject({ code: 'issuance.credential.awaiting-proofs', awaiting: [UNI_B] });

    const endorsed = await it$
      .http()
      .post(`/credentials/${pending.credentialId}/endorsements`)
      .set('authorization', adminB)
      .send({})
      .expect(201);
    expect(endorsed.body).toMatchObject({ method: 'endorsement', lifecycle: 'issued', awaiting: [] });
    await it$.http().get(`/credentials/${pending.credentialId}`).set('authorization', `Bearer ${admin}`).expect(200);
    await it$.http().put(`/institutions/${UNI_B}/signing-policy`).set('authorization', adminB).send({ policy: 'automatic' }).expect(200);
  }, 60_000);

  it('takes a detached proof an institution made with its own key, and refuses a forged one', async () => {
    const pending = await dataEthicsPassed('enr-c', 'learner-m');
    const record = await it$.http().get(`/credentials/${pending.credentialId}/record`).set('authorization', `Bearer ${admin}`).expect(200);
    expect(record.body.lifecycle).toBe('collecting-proofs');
    const adminC = `Bearer ${await it$.token('institution-admin', UNI_C)}`;
    // C has no platform-held key: asking the platform to sign explains what to do.
    const noKey = await it$
      .http()
      .post(`/credentials/${pending.credentialId}/endorsements`)
      .set('authorization', adminC)
      .send({})
      .expect(422);
    expect(JSON.parse(noKey.text).code).toBe('issuance.endorsement.no-platform-key');

    // C fetches the unsigned document (its admin may read it), signs it offline, and hands in the proof.
    const unsigned = await unsignedDocument(pending.credentialId);
    const forged = await signCredential({ ...unsigned, name: 'Something else' }, [
      { verificationMethod: `${MEMBERS[UNI_C].did}#own-1`, privateKey: own.secretKey, cryptosuite: 'eddsa-jcs-2022' },
    ]);
    const refused = await it$
      .http()
      .post(`/credentials/${pending.credentialId}/endorsements`)
      .set('authorization', adminC)
      .send({ proof: forged.proof[0] })
      .expect(422);
    expect(JSON.parse(refused.text)).toMatchObject({ code: 'issuance.proof.invalid', errors: [{ field: 'proof' }] });
    const accepted = await it$
      .http()
      .post(`/credentials/${pending.credentialId}/endorsements`)
      .set('authorization', adminC)
      .send({ proof: await proofOfC(pending.credentialId, unsigned) })
      .expect(201);
    expect(accepted.body).toMatchObject({ method: 'detached-proof', lifecycle: 'issued' });
  }, 60_000);

  it('issues the stacked credential once every part is awarded, whichever universities awarded the parts', async () => {
    // Both parts awarded to a learner of its own: the first signed automatically, the second with C's own proof.
    await it$.bus.publish([
      messages.enrolled('enr-s1', 'learner-s'),
      messages.result('enr-s1', 'learner-s', 'SES-1', 9),
      messages.result('enr-s1', 'learner-s', 'SES-2', 9),
    ]);
    await eventually(
      async () => (await list('learner-s')).find((x) => x.specId === SPEC && x.lifecycle === 'issued'),
      30_000,
      'the first part',
    );
    const ethics = await dataEthicsPassed('enr-s2', 'learner-s');
    await it$
      .http()
      .post(`/credentials/${ethics.credentialId}/endorsements`)
      .set('authorization', `Bearer ${await it$.token('institution-admin', UNI_C)}`)
      .send({ proof: await proofOfC(ethics.credentialId) })
      .expect(201);
    await it$.bus.publish([
      messages.specPublished({
        credentialSpecId: 'spec-stack',
        title: 'Energy Transition Certificate',
        awardingBodies: [body(UNI_A, true), body(UNI_B, false), body(UNI_C, false)],
        components: [],
        issuanceRule: { allComponentsPassed: false, allStackPartsAwarded: true },
        stackParts: [
          { credentialSpecId: SPEC, version: 1, title: 'Sustainable Energy Systems', ects: 6 },
          { credentialSpecId: 'spec-c', version: 1, title: 'Data Ethics', ects: 6 },
        ],
      }),
    ]);
    const stack = await eventually(
      async () => (await list('learner-s')).find((x) => x.specId === 'spec-stack' && x.awardingBodies.filter((b) => b.signed).length >= 2),
      30_000,
      'the stacked credential',
    );
    // A and B sign automatically; C signs its own proofs, so the stack waits for it like any credential C co-awards.
    expect(stack.awardingBodies.map((b) => [b.institutionId, b.signed])).toEqual([
      [UNI_A, true],
      [UNI_B, true],
      [UNI_C, false],
    ]);
    const unsigned = await unsignedDocument(stack.credentialId);
    expect(((unsigned.credentialSubject as JsonObject).achievement as JsonObject).name).toBe('Energy Transition Certificate');
  }, 60_000);

  async function unsignedDocument(credentialId: string): Promise<JsonObject> {
    const res = await it$
      .http()
      .get(`/credentials/${credentialId}/document`)
      .set('authorization', `Bearer ${await it$.token('institution-admin', UNI_C)}`)
      .expect(200);
    const doc = JSON.parse(res.text) as JsonObject;
    delete doc.proof;
    return doc;
  }
});
