import { generateKeyPairSync, verify } from 'node:crypto';
import { type Jwk, localSigner } from '@alliance/credentials';
import { getListFromStatusListJWT } from '@sd-jwt/jwt-status-list';
import { UNI_A } from '../../domain/__fixtures__/specs.fixture';
import type { StatusListQueries, StatusListView } from '../ports/status-list-queries.port';
import type { LearningCredentialSigning } from './learning-credential-signing';
import { LearningCredentialStatus, STATUS_LIST_TOKEN_LIFETIME_SECONDS, STATUS_LIST_TOKEN_TTL_SECONDS } from './learning-credential-status';

const PUBLIC_URL = 'https://issuance.alliance.example/';
const listId = `${UNI_A}-2`;
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const privateJwk = { ...(privateKey.export({ format: 'jwk' }) as Jwk), kid: 'did:web:a.example#key-1' };

/** A list whose bits and position the test changes, a signer that can be withdrawn, and a clock the test moves. */
function setup() {
  const view: StatusListView = {
    listId,
    institutionId: UNI_A,
    layout: 'purposes',
    length: 131_072,
    changedPosition: 3,
    entries: [
      { index: 7, revoked: true, suspended: true },
      { index: 9, revoked: false, suspended: true },
    ],
  };
  const reads: string[] = [];
  const queries: StatusListQueries = {
    statusList: async (id) => (reads.push(id), id === listId ? structuredClone(view) : undefined),
    changedPosition: async (id) => (id === listId ? view.changedPosition : undefined),
    listsOf: async () => [listId],
  };
  const signable = { now: true };
  const signing = {
    signerFor: async (institutionId: string) =>
      institutionId === UNI_A && signable.now ? localSigner(privateJwk) : { unsignable: 'no-usable-key' },
  } as unknown as LearningCredentialSigning;
  const clock = { now: new Date('2026-12-01T09:00:00Z') };
  const status = new LearningCredentialStatus(queries, signing, { publicUrl: () => PUBLIC_URL, clock: () => clock.now });
  return { view, reads, signable, clock, status };
}

const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as { iat: number } & Record<string, unknown>;

describe('LearningCredentialStatus', () => {
  it("points a Learning Credential at its credential's own slot, in the token of the slot's list", () => {
    expect(setup().status.reference({ listId, index: 42 })).toEqual({
      status_list: { idx: 42, uri: `https://issuance.alliance.example/status-lists/${listId}/token` },
    });
  });

  it("serves the list's bits as 2-bit statuses, revocation over suspension, signed as the lead body's Learning Credentials", async () => {
    const { status } = setup();
    const { body, etag } = await status.token(listId);
    const list = getListFromStatusListJWT(body);
    expect([list.getStatus(7), list.getStatus(9), list.getStatus(8)]).toEqual([1, 2, 0]);
    const iat = Date.parse('2026-12-01T09:00:00Z') / 1000;
    expect(claimsOf(body)).toMatchObject({
      iss: `https://issuance.alliance.example/institutions/${UNI_A}`,
      sub: status.reference({ listId, index: 0 }).status_list.uri,
      iat,
      exp: iat + STATUS_LIST_TOKEN_LIFETIME_SECONDS,
      ttl: STATUS_LIST_TOKEN_TTL_SECONDS,
    });
    const [h, p, signature] = body.split('.');
    expect(verify(null, Buffer.from(`${h}.${p}`), publicKey, Buffer.from(signature, 'base64url'))).toBe(true);
    expect(etag).toMatch(/^"[\w-]{43}"$/);
  });

  it('keeps a token until the bits change or its ttl passes, then signs a new one', async () => {
    const { status, view, reads, clock } = setup();
    const first = await status.token(listId);
    expect(await status.token(listId)).toBe(first);
    expect(reads).toHaveLength(1);

    view.entries.push({ index: 8, revoked: true, suspended: false });
    view.changedPosition = 4;
    const changed = await status.token(listId);
    expect(getListFromStatusListJWT(changed.body).getStatus(8)).toBe(1);
    expect(changed.etag).not.toBe(first.etag);

    clock.now = new Date(clock.now.getTime() + STATUS_LIST_TOKEN_TTL_SECONDS * 1000 - 1000);
    expect(await status.token(listId)).toBe(changed);
    clock.now = new Date(clock.now.getTime() + 1000);
    const renewed = await status.token(listId);
    expect(claimsOf(renewed.body).iat).toBe(claimsOf(changed.body).iat + STATUS_LIST_TOKEN_TTL_SECONDS);
    expect(reads).toHaveLength(3);
  });

  it('answers not found for an unknown list and for a list whose institution the platform cannot sign for', async () => {
    const { status, signable } = setup();
    await expect(status.token(`${UNI_A}-9`)).rejects.toMatchObject({ code: 'issuance.status-list-not-found' });
    signable.now = false;
    await expect(status.token(listId)).rejects.toMatchObject({ code: 'issuance.status-list-not-found' });
  });
});
