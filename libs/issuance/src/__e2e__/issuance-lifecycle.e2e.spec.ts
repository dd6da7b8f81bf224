import { BitstringStatusList, checkStatus, type JsonObject, verifyCredential } from '@alliance/credentials';
import { MEMBERS, messages, SPEC, UNI_A, UNI_B } from './alliance-messages';
import { delegateToPlatform, eventually, type IssuanceApp, memberKeyResolver, startIssuance, verifyCoSigned } from './issuance-app';

describe('issuance over HTTP: from results to a co-signed credential and its status', () => {
  let it$: IssuanceApp;
  const keys: Record<string, string> = {};

  const registry = memberKeyResolver(keys);
  const list = async (learner: string, token: string) =>
    (await it$.http().get(`/credentials?learner=${learner}`).set('authorization', `Bearer ${token}`)).body as {
      items: { credentialId: string; lifecycle: string; supersedes?: string; statusList: { listId: string; index: number } }[];
    };

  // Each case that acts on a credential has one issued to its own learner, so it runs alone too.
  const issuedTo = async (n: number): Promise<string> => {
    await it$.bus.publish([
      messages.enrolled(`enr-${n}`, `learner-${n}`),
      messages.result(`enr-${n}`, `learner-${n}`, 'SES-1', 8),
      messages.result(`enr-${n}`, `learner-${n}`, 'SES-2', 7),
    ]);
    const admin = await it$.token('alliance-admin');
    const issued = await eventually(
      async () => (await list(`learner-${n}`, admin)).items.find((c) => c.lifecycle === 'issued'),
      30_000,
      `the credential of learner-${n}`,
    );
    return issued.credentialId;
  };

  beforeAll(async () => {
    // Suspendable credentials: a revocation and a suspension entry, each on its own 1-bit list.
    it$ = await startIssuance({ env: { ISSUANCE_STATUS_ENTRIES: 'revocation-and-suspension' } });
    await it$.bus.publish([messages.institutionRegistered(UNI_A), messages.institutionRegistered(UNI_B), messages.specPublished()]);
    for (const id of [UNI_A, UNI_B]) {
      const generated = await delegateToPlatform(it$, id);
      expect(Object.keys(generated).sort()).toEqual([
        'algorithm',
        'custody',
        'generatedAt',
        'institutionId',
        'keyId',
        'keyRef',
        'proofOfPossession',
        'publicKeyMultibase',
        'type',
      ]);
      keys[id] = generated.publicKeyMultibase;
      await it$.bus.publish([messages.keyAdded(id as typeof UNI_A, keys[id])]);
    }
  }, 60_000);
  afterAll(() => it$?.close());

  it('issues when the last component is passed, signed by both awarding bodies', async () => {
    await it$.bus.publish([messages.enrolled('enr-1', 'learner-1'), messages.result('enr-1', 'learner-1', 'SES-1', 8)]);
    const admin = await it$.token('alliance-admin');
    expect((await list('learner-1', admin)).items).toEqual([]);
    await it$.bus.publish([messages.result('enr-1', 'learner-1', 'SES-2', 7)]);
    const issued = await eventually(
      async () => (await list('learner-1', admin)).items.find((c) => c.lifecycle === 'issued'),
      30_000,
      'the credential',
    );
    const credentialId = issued.credentialId;

    const res = await it$
      .http()
      .get(`/credentials/${credentialId}`)
      .set('authorization', `Bearer ${await it$.token('learner', undefined, 'learner-1')}`)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/vc\+ld\+json/);
    const vc = JSON.parse(res.text) as JsonObject;
    expect(vc).toMatchObject({ type: ['VerifiableCredential', 'AchievementCredential'], issuer: { id: MEMBERS[UNI_A].did } });
    const result = await verifyCoSigned(it$, vc, keys);
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
    expect(it$.published.map((m) => m.type)).toContain('issuance.credential.issued');
  }, 60_000);

  it('keeps credentials from people who may not see them: 404 for another learner, 401 without a token', async () => {
    const credentialId = await issuedTo(3);
    await it$
      .http()
      .get(`/credentials/${credentialId}`)
      .set('authorization', `Bearer ${await it$.token('learner', undefined, 'someone-else')}`)
      .expect(404);
    await it$.http().get(`/credentials/${credentialId}`).expect(401);
  });

  it('serves a signed list per purpose whose bits follow suspension, reinstatement and revocation', async () => {
    const credentialId = await issuedTo(4);
    const vc = JSON.parse(
      (
        await it$
          .http()
          .get(`/credentials/${credentialId}`)
          .set('authorization', `Bearer ${await it$.token('alliance-admin')}`)
      ).text,
    ) as JsonObject;
    const entries = vc.credentialStatus as JsonObject[];
    expect(entries.map((e) => e.statusPurpose)).toEqual(['revocation', 'suspension']);
    expect(entries[0]!.statusListIndex).toBe(entries[1]!.statusListIndex);
    const statusOf = async () => {
      const out: Record<string, number> = {};
      for (const entry of entries) {
        const listVc = (
          await it$
            .http()
            .get(new URL(entry.statusListCredential as string).pathname)
            .expect(200)
        ).body as JsonObject;
        expect(listVc.credentialSubject).toMatchObject({ statusPurpose: entry.statusPurpose });
        const signed = await verifyCredential(listVc, { resolveVerificationMethod: registry });
        expect(signed.verified).toBe(true);
        out[entry.statusPurpose as string] = (await checkStatus(entry, listVc)).status;
      }
      return out;
    };
    expect(await statusOf()).toEqual({ revocation: 0, suspension: 0 });

    const adminB = `Bearer ${await it$.token('institution-admin', UNI_B)}`;
    await it$
      .http()
      .post(`/credentials/${credentialId}/suspension`)
      .set('authorization', adminB)
      .send({ reason: 'identity check' })
      .expect(200);
    expect(await statusOf()).toEqual({ revocation: 0, suspension: 1 });
    await it$
      .http()
      .post(`/credentials/${credentialId}/reinstatement`)
      .set('authorization', adminB)
      .send({ reason: 'identity confirmed' })
      .expect(200);
    expect(await statusOf()).toEqual({ revocation: 0, suspension: 0 });
    const revoked = await it$
      .http()
      .post(`/credentials/${credentialId}/revocation`)
      .set('authorization', adminB)
      .send({ reason: 'plagiarism' })
      .expect(200);
    expect(revoked.body.record).toMatchObject({ lifecycle: 'revoked', statusReason: 'plagiarism' });
    expect(await statusOf()).toEqual({ revocation: 1, suspension: 0 });
    const path = new URL(entries[0]!.statusListCredential as string).pathname;
    const bits = BitstringStatusList.decode(((await it$.http().get(path)).body.credentialSubject as JsonObject).encodedList as string, 1);
    expect(bits.length).toBe(131_072);
    // The list itself is only published per purpose.
    await it$
      .http()
      .get(path.replace(/-revocation$/, ''))
      .expect(404);
  }, 60_000);

  it('rejects bad requests with problem+json naming the field or rule, and writes nothing', async () => {
    const adminB = `Bearer ${await it$.token('institution-admin', UNI_B)}`;
    // A revoked credential of its own, so a second revocation has something to be refused on.
    const credentialId = await issuedTo(5);
    await it$
      .http()
      .post(`/credentials/${credentialId}/revocation`)
      .set('authorization', adminB)
      .send({ reason: 'plagiarism' })
      .expect(200);
    const head = await it$.store.headPosition();
    const noReason = await it$.http().post(`/credentials/${credentialId}/suspension`).set('authorization', adminB).send({}).expect(400);
    expect(noReason.headers['content-type']).toMatch(/problem\+json/);
    expect(JSON.parse(noReason.text).errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reason' })]));
    await it$.http().post(`/credentials/not-a-uuid/revocation`).set('authorization', adminB).send({ reason: 'x' }).expect(400);
    await it$
      .http()
      .post(`/credentials/${credentialId}/revocation`)
      .set('authorization', `Bearer ${await it$.token('registrar', UNI_B)}`)
      .send({ reason: 'x' })
      .expect(403);
    await it$
      .http()
      .post(`/credentials/${credentialId}/revocation`)
      .set('authorization', `Bearer ${await it$.token('institution-admin', 'not-a-body')}`)
      .send({ reason: 'x' })
      .expect(403);
    const again = await it$
      .http()
      .post(`/credentials/${credentialId}/revocation`)
      .set('authorization', adminB)
      .send({ reason: 'again' })
      .expect(409);
    expect(JSON.parse(again.text).code).toBe('issuance.credential.already-revoked');
    await it$.http().put(`/institutions/${UNI_A}/signing-policy`).set('authorization', adminB).send({ policy: 'manual' }).expect(403);
    await it$
      .http()
      .put(`/institutions/${UNI_A}/signing-policy`)
      .set('authorization', `Bearer ${await it$.token('alliance-admin')}`)
      .send({ policy: 'sometimes' })
      .expect(400);
    await it$.http().post(`/institutions/${UNI_A}/signing-keys`).set('authorization', adminB).expect(403);
    // The alliance admin can neither have a key made for a member nor delegate its signing.
    const allianceAdmin = `Bearer ${await it$.token('alliance-admin')}`;
    const challenge = {
      type: 'alliance-key-possession',
      institutionId: UNI_A,
      keyId: 'forged',
      nonce: 'n'.repeat(43),
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    };
    const forbidden = await it$
      .http()
      .post(`/institutions/${UNI_A}/signing-keys`)
      .set('authorization', allianceAdmin)
      .send({ challenge })
      .expect(403);
    expect(forbidden.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(forbidden.text).code).toBe('issuance.signing.not-institution-admin');
    await it$
      .http()
      .put(`/institutions/${UNI_A}/signing-policy`)
      .set('authorization', allianceAdmin)
      .send({ policy: 'automatic' })
      .expect(403);
    await it$.http().get('/signer/requests').set('authorization', allianceAdmin).expect(401);
    await it$
      .http()
      .post(`/institutions/${UNI_A}/signing-keys`)
      .set('authorization', `Bearer ${await it$.token('institution-admin', UNI_A)}`)
      .send({})
      .expect(422);
    await it$.http().get('/status-lists/nope').expect(404);
    expect(await it$.store.headPosition()).toBe(head);
  });

  it('re-issues after an amendment: the new credential names the old, keeps the award date; the old is revoked with the reason', async () => {
    await it$.bus.publish([
      messages.enrolled('enr-2', 'learner-2'),
      messages.result('enr-2', 'learner-2', 'SES-1', 8),
      messages.result('enr-2', 'learner-2', 'SES-2', 7),
    ]);
    const admin = await it$.token('alliance-admin');
    const first = await eventually(
      async () => (await list('learner-2', admin)).items.find((c) => c.lifecycle === 'issued'),
      30_000,
      'first credential',
    );
    await it$.bus.publish([messages.amended('enr-2', 'learner-2', 'SES-2', 9, 'exam re-marked')]);
    const second = await eventually(
      async () => (await list('learner-2', admin)).items.find((c) => c.supersedes === first.credentialId && c.lifecycle === 'issued'),
      30_000,
      're-issued credential',
    );
    const oldRecord = await eventually(async () => {
      const r = (await it$.http().get(`/credentials/${first.credentialId}/record`).set('authorization', `Bearer ${admin}`)).body;
      return r.lifecycle === 'revoked' ? r : undefined;
    });
    expect(oldRecord).toMatchObject({
      supersededBy: second.credentialId,
      statusReason: `superseded by urn:uuid:${second.credentialId}: exam re-marked`,
    });
    const [oldVc, newVc] = await Promise.all(
      [first.credentialId, second.credentialId].map(
        async (id) => JSON.parse((await it$.http().get(`/credentials/${id}`).set('authorization', `Bearer ${admin}`)).text) as JsonObject,
      ),
    );
    expect(newVc.awardedDate).toBe(oldVc.awardedDate);
    expect(newVc.relatedResource).toEqual([expect.objectContaining({ id: `urn:uuid:${first.credentialId}` })]);
  }, 90_000);

  it('serves the JSON-LD contexts credentials name', async () => {
    const res = await it$.http().get('/contexts/microcredential/v2').expect(200);
    expect(res.headers['content-type']).toMatch(/application\/ld\+json/);
    expect(JSON.parse(res.text)['@context'].awardingBody).toBeDefined();
    await it$.http().get('/contexts/unknown').expect(404);
    void SPEC;
  });
});
