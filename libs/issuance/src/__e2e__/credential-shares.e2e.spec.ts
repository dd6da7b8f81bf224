import { randomUUID } from 'node:crypto';
import { learnerErasedV1 } from '@alliance/contracts';
import type { IssuanceSettings } from '../application/issuance-settings';
import { ISSUANCE_SETTINGS } from '../application/issuance.tokens';
import { messages, UNI_A, UNI_B } from './alliance-messages';
import { delegateToPlatform, eventually, type IssuanceApp, issueTo, startIssuance } from './issuance-app';

const PAGE = 'https://verify.alliance.example/verify';
const TOKEN = /^[A-Za-z0-9_-]{22,128}$/;

type Share = { shareId: string; url: string; expiresAt: string };
type Listed = { shareId: string; standing: string; sharedAt: string; expiresAt: string; revokedAt?: string };

describe("a learner's share links to a credential", () => {
  let it$: IssuanceApp;

  const issuedTo = (learner: string) => issueTo(it$, learner);
  const as = (learner: string) => it$.bearer('learner', undefined, learner);
  const share = async (credentialId: string, learner: string, body: Record<string, unknown> = {}) =>
    (
      await it$
        .http()
        .post(`/credentials/${credentialId}/shares`)
        .set('authorization', await as(learner))
        .send(body)
        .expect(201)
    ).body as Share;
  const tokenOf = (s: Share) => new URL(s.url).searchParams.get('share')!;
  const open = (token: string) => it$.http().get(`/shared-credentials/${token}`);
  const listed = async (credentialId: string, learner: string) =>
    (
      await it$
        .http()
        .get(`/credentials/${credentialId}/shares`)
        .set('authorization', await as(learner))
        .expect(200)
    ).body.items as Listed[];
  const expectNotFound = (res: { status: number; headers: Record<string, string>; body: { code?: string } }) => {
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('issuance.shared-credential-not-found');
  };

  beforeAll(async () => {
    it$ = await startIssuance({ env: { VERIFY_PAGE_URL: PAGE } });
    await it$.bus.publish([messages.institutionRegistered(UNI_A), messages.institutionRegistered(UNI_B), messages.specPublished()]);
    for (const id of [UNI_A, UNI_B]) {
      const key = await delegateToPlatform(it$, id);
      await it$.bus.publish([messages.keyAdded(id as typeof UNI_A, key.publicKeyMultibase)]);
    }
  }, 60_000);
  afterAll(() => it$?.close());

  it('makes a link to the verification page that opens, without signing in, exactly what the learner receives', async () => {
    const credentialId = await issuedTo('learner-share-1');
    const made = await share(credentialId, 'learner-share-1');
    expect(made.url.startsWith(`${PAGE}?share=`)).toBe(true);
    expect(tokenOf(made)).toMatch(TOKEN);
    expect(tokenOf(made).length).toBeGreaterThanOrEqual(22);
    const expiresIn = Date.parse(made.expiresAt) - Date.now();
    expect(Math.round(expiresIn / 86_400_000)).toBe(30);

    const own = await it$
      .http()
      .get(`/credentials/${credentialId}`)
      .set('authorization', await as('learner-share-1'))
      .expect(200);
    const opened = await open(tokenOf(made)).expect(200);
    expect(opened.headers['content-type']).toMatch(/^application\/vc\+ld\+json/);
    expect(opened.headers['cache-control']).toBe('no-store');
    expect(opened.headers['referrer-policy']).toBe('no-referrer');
    expect(opened.text).toBe(own.text);
    expect((JSON.parse(opened.text) as { proof: unknown[] }).proof).toHaveLength(2);

    // The log names the link, never its token; opening it is no event.
    const events = await it$.store.readStream(`issuance.credential-shares-${credentialId}`);
    expect(events.map((e) => e.type)).toEqual(['CredentialShared']);
    expect(events[0]!.data).toEqual({
      shareId: made.shareId,
      credentialId,
      learnerId: 'learner-share-1',
      expiresAt: made.expiresAt,
      sharedAt: expect.any(String),
    });
    expect(JSON.stringify(events)).not.toContain(tokenOf(made).slice(-43));
  }, 60_000);

  it('lists the learner’s links, and a withdrawn one opens nothing any more', async () => {
    const credentialId = await issuedTo('learner-share-2');
    const first = await share(credentialId, 'learner-share-2', { expiresInDays: 7 });
    const second = await share(credentialId, 'learner-share-2');
    expect((await listed(credentialId, 'learner-share-2')).map((s) => [s.shareId, s.standing])).toEqual([
      [second.shareId, 'active'],
      [first.shareId, 'active'],
    ]);
    await open(tokenOf(first)).expect(200);

    const withdrawn = await it$
      .http()
      .delete(`/credentials/${credentialId}/shares/${first.shareId}`)
      .set('authorization', await as('learner-share-2'))
      .expect(200);
    expect(withdrawn.body).toEqual({ shareId: first.shareId, revokedAt: expect.any(String) });
    expectNotFound(await open(tokenOf(first)));
    await open(tokenOf(second)).expect(200);
    const after = await listed(credentialId, 'learner-share-2');
    expect(after.find((s) => s.shareId === first.shareId)).toMatchObject({ standing: 'revoked', revokedAt: withdrawn.body.revokedAt });
    expect(JSON.stringify(after)).not.toContain(tokenOf(second));
    const stream = await it$.store.readStream(`issuance.credential-shares-${credentialId}`);
    expect(stream.map((e) => e.type)).toEqual(['CredentialShared', 'CredentialShared', 'CredentialShareRevoked']);
    await it$
      .http()
      .delete(`/credentials/${credentialId}/shares/${randomUUID()}`)
      .set('authorization', await as('learner-share-2'))
      .expect(404);
  }, 60_000);

  it('stops opening once the link has expired', async () => {
    const credentialId = await issuedTo('learner-share-3');
    const made = await share(credentialId, 'learner-share-3', { expiresInDays: 1 });
    await open(tokenOf(made)).expect(200);
    const settings = it$.app.get<IssuanceSettings>(ISSUANCE_SETTINGS);
    const clock = settings.clock;
    settings.clock = () => new Date(Date.now() + 86_400_000 + 60_000);
    try {
      expectNotFound(await open(tokenOf(made)));
      expect((await listed(credentialId, 'learner-share-3'))[0]!.standing).toBe('expired');
    } finally {
      settings.clock = clock;
    }
    await open(tokenOf(made)).expect(200);
  }, 60_000);

  it('is made, listed and withdrawn by the credential’s own learner only; staff cannot make one for a learner', async () => {
    const credentialId = await issuedTo('learner-share-4');
    const made = await share(credentialId, 'learner-share-4');
    const other = await as('someone-else');
    for (const req of [
      it$.http().post(`/credentials/${credentialId}/shares`).send({}),
      it$.http().get(`/credentials/${credentialId}/shares`),
      it$.http().delete(`/credentials/${credentialId}/shares/${made.shareId}`),
    ]) {
      const res = await req.set('authorization', other);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('issuance.credential.other-learner');
    }
    for (const staff of [await it$.bearer('registrar', UNI_A), await it$.bearer('alliance-admin')]) {
      await it$.http().post(`/credentials/${credentialId}/shares`).set('authorization', staff).send({}).expect(403);
    }
    await it$.http().post(`/credentials/${credentialId}/shares`).send({}).expect(401);
    await it$.http().post(`/credentials/${randomUUID()}/shares`).set('authorization', other).send({}).expect(404);
    await open(tokenOf(made)).expect(200);
  }, 60_000);

  it('refuses a lifetime out of range and a NUL in the body, as problems', async () => {
    const credentialId = await issuedTo('learner-share-5');
    const auth = await as('learner-share-5');
    for (const expiresInDays of [0, 366, 2.5, '30']) {
      const res = await it$.http().post(`/credentials/${credentialId}/shares`).set('authorization', auth).send({ expiresInDays });
      expect([400, 422]).toContain(res.status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const nul = await it$
      .http()
      .post(`/credentials/${credentialId}/shares`)
      .set('authorization', auth)
      .set('content-type', 'application/json')
      .send('{"expiresInDays":3,"note":"a\\u0000b"}');
    expect(nul.status).toBe(400);
    expect(nul.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await listed(credentialId, 'learner-share-5')).toEqual([]);
  }, 60_000);

  it('answers every hostile or unknown token with the same 404 problem', async () => {
    const credentialId = await issuedTo('learner-share-6');
    const token = tokenOf(await share(credentialId, 'learner-share-6'));
    const flipped = token.slice(0, 50) + (token[50] === 'A' ? 'B' : 'A') + token.slice(51);
    for (const hostile of [
      flipped,
      token.slice(0, -1),
      `${token}A`,
      'A'.repeat(86),
      'short',
      'x'.repeat(129),
      '..%2F..%2Fcredentials',
      encodeURIComponent('<script>alert(1)</script>'),
      encodeURIComponent("' OR 1=1 --"),
    ]) {
      const res = await open(hostile);
      expectNotFound(res);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(JSON.stringify(res.body)).not.toContain('<script>');
    }
  }, 60_000);

  it('stops opening once the learner is erased', async () => {
    const credentialId = await issuedTo('learner-share-7');
    const token = tokenOf(await share(credentialId, 'learner-share-7'));
    await open(token).expect(200);
    await it$.bus.publish([
      learnerErasedV1.message(
        { learnerId: 'learner-share-7', erasedAt: new Date().toISOString() },
        { eventId: randomUUID(), occurredAt: new Date().toISOString(), correlationId: randomUUID() },
      ),
    ]);
    await eventually(async () => ((await open(token)).status === 404 ? true : undefined), 20_000, 'the link to stop opening');
    expectNotFound(await open(token));
  }, 60_000);
});
