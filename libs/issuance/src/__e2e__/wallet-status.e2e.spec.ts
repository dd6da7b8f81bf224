import { type Jwk, LEARNING_CREDENTIAL_SD_JWT, type TokenStatus, verifyLearningCredential } from '@alliance/credentials';
import { getListFromStatusListJWT } from '@sd-jwt/jwt-status-list';
import { UNI_A } from './alliance-messages';
import type { IssuanceApp } from './issuance-app';
import { useWalletApp } from './wallet-app';

type StatusClaim = { status_list: { idx: number; uri: string } };

describe("a Learning Credential's status follows its credential's (IETF Token Status List, read by @sd-jwt/jwt-status-list)", () => {
  // Suspendable credentials, so one can be suspended and another revoked.
  const wallet = useWalletApp({ ISSUANCE_STATUS_ENTRIES: 'revocation-and-suspension' });
  const { issuedTo, offer, walletRunFor } = wallet;
  let it$: IssuanceApp;
  beforeAll(() => (it$ = wallet.app()));

  /** The Learning Credential a learner's wallet receives for their issued credential. */
  const delivered = async (learner: string) => {
    const credentialId = await issuedTo(learner);
    const made = await offer(credentialId, learner, { configurationIds: [LEARNING_CREDENTIAL_SD_JWT], txCode: false });
    const run = await walletRunFor(made.byValue, undefined, LEARNING_CREDENTIAL_SD_JWT);
    return { credentialId, sdJwt: (run.response.credentialResponse.credentials![0] as { credential: string }).credential };
  };
  /** The Status List Token as a verifier fetches it, with its response headers. */
  const fetchToken = async (uri: string, etag?: string) => {
    const res = await fetch(uri, { headers: { accept: 'application/statuslist+jwt', ...(etag ? { 'if-none-match': etag } : {}) } });
    return {
      status: res.status,
      contentType: res.headers.get('content-type'),
      etag: res.headers.get('etag') ?? undefined,
      body: await res.text(),
    };
  };
  const issuerJwk = async () =>
    ((await it$.http().get(`/.well-known/jwt-vc-issuer/institutions/${UNI_A}`).expect(200)).body as { jwks: { keys: Jwk[] } }).jwks.keys[0];
  /** What the library's verifier reports, fetching the token over HTTP. */
  const verifiedStatus = async (sdJwt: string): Promise<TokenStatus | undefined> =>
    (
      await verifyLearningCredential(sdJwt, {
        issuerJwk: await issuerJwk(),
        statusListFetcher: async (uri) => (await fetchToken(uri)).body,
      })
    ).status;

  it('is valid when delivered, then invalid once revoked and suspended once suspended, through the credential actions', async () => {
    const [toRevoke, toSuspend] = [await delivered('learner-s1'), await delivered('learner-s2')];
    const claims = await Promise.all(
      [toRevoke, toSuspend].map(
        async ({ sdJwt }) => (await verifyLearningCredential(sdJwt, { issuerJwk: await issuerJwk() })).claims.status as StatusClaim,
      ),
    );
    for (const { status_list } of claims) expect(status_list.uri).toMatch(new RegExp(`^${it$.url}/status-lists/${UNI_A}-\\d+/token$`));
    const statusesNow = async () =>
      Promise.all(
        claims.map(async ({ status_list }) =>
          getListFromStatusListJWT((await fetchToken(status_list.uri)).body).getStatus(status_list.idx),
        ),
      );

    const first = await fetchToken(claims[0].status_list.uri);
    expect(first).toMatchObject({ status: 200, contentType: expect.stringMatching(/^application\/statuslist\+jwt/) });
    expect(getListFromStatusListJWT(first.body).getBitsPerStatus()).toBe(2);
    expect((await fetchToken(claims[0].status_list.uri, first.etag)).status).toBe(304);
    expect(await statusesNow()).toEqual([0, 0]);
    expect(await verifiedStatus(toRevoke.sdJwt)).toBe('VALID');

    const admin = await it$.bearer('institution-admin', UNI_A);
    await it$
      .http()
      .post(`/credentials/${toRevoke.credentialId}/revocation`)
      .set('authorization', admin)
      .send({ reason: 'plagiarism' })
      .expect(200);
    await it$
      .http()
      .post(`/credentials/${toSuspend.credentialId}/suspension`)
      .set('authorization', admin)
      .send({ reason: 'identity check' })
      .expect(200);

    expect(await statusesNow()).toEqual([1, 2]);
    expect((await fetchToken(claims[0].status_list.uri, first.etag)).status).toBe(200);
    expect(await verifiedStatus(toRevoke.sdJwt)).toBe('INVALID');
    expect(await verifiedStatus(toSuspend.sdJwt)).toBe('SUSPENDED');
  });

  it('is documented beside the status list credentials, and answers 404 for a list that does not exist', async () => {
    const doc = (await it$.http().get('/docs-json').expect(200)).body as {
      paths: Record<string, { get?: { tags?: string[]; responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    for (const path of ['/status-lists/{id}', '/status-lists/{id}/token']) expect(doc.paths[path]?.get?.tags).toEqual(['public']);
    expect(Object.keys(doc.paths['/status-lists/{id}/token'].get!.responses['200'].content ?? {})).toEqual(['application/statuslist+jwt']);
    await it$.http().get(`/status-lists/${UNI_A}-99/token`).expect(404);
    await it$.http().get('/status-lists/not%20a%20list/token').expect(404);
  });
});
