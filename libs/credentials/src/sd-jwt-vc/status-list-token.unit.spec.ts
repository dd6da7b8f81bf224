import { getListFromStatusListJWT } from '@sd-jwt/jwt-status-list';
import { keyPair } from './__tests__/learning-credential.fixture';
import { verifyJwsSignature } from './jose-keys';
import { localSigner } from './jws-signer';
import { buildStatusListToken, type StatusListTokenInput, TOKEN_STATUS, tokenStatusName } from './status-list-token';

const NOW = new Date('2026-12-01T09:00:00Z');
const URI = 'https://issuer.alliance.example/status-lists/uni-a-1/token';
const issuer = keyPair('EdDSA', 'issuer-ed');

const build = (overrides: Partial<StatusListTokenInput> = {}) =>
  buildStatusListToken({
    uri: URI,
    iss: 'https://issuer.alliance.example/institutions/uni-a',
    length: 16,
    entries: [
      { idx: 3, status: 'INVALID' },
      { idx: 9, status: 'SUSPENDED' },
    ],
    signer: localSigner(issuer.privateJwk),
    now: NOW,
    ttlSeconds: 300,
    lifetimeSeconds: 3600,
    ...overrides,
  });

const partsOf = (jwt: string) => {
  const [header, payload] = jwt
    .split('.')
    .slice(0, 2)
    .map((p) => JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>);
  return { header, payload };
};

describe('buildStatusListToken', () => {
  it('writes 2-bit entries that @sd-jwt/jwt-status-list reads back, every other entry VALID', async () => {
    const list = getListFromStatusListJWT(await build());
    expect(list.getBitsPerStatus()).toBe(2);
    expect(list.getStatus(3)).toBe(TOKEN_STATUS.INVALID);
    expect(list.getStatus(9)).toBe(TOKEN_STATUS.SUSPENDED);
    expect([0, 1, 2, 4, 8, 10, 15].map((i) => list.getStatus(i))).toEqual(new Array(7).fill(TOKEN_STATUS.VALID));
  });

  it('names itself, its issuer and its lifetime, typed statuslist+jwt and signed with the given key', async () => {
    const jwt = await build();
    const { header, payload } = partsOf(jwt);
    expect(header).toEqual({ alg: 'EdDSA', typ: 'statuslist+jwt', kid: 'issuer-ed' });
    const iat = NOW.getTime() / 1000;
    expect(payload).toMatchObject({ iss: 'https://issuer.alliance.example/institutions/uni-a', sub: URI, iat, exp: iat + 3600, ttl: 300 });
    expect(payload.status_list).toEqual({ bits: 2, lst: expect.any(String) });
    const [h, p, signature] = jwt.split('.');
    expect(verifyJwsSignature(issuer.publicJwk, `${h}.${p}`, signature)).toBe(true);
    expect(verifyJwsSignature(keyPair('EdDSA').publicJwk, `${h}.${p}`, signature)).toBe(false);
  });

  it('refuses an index outside the list and a list without entries', async () => {
    await expect(build({ entries: [{ idx: 16, status: 'INVALID' }] })).rejects.toThrow(RangeError);
    await expect(build({ entries: [{ idx: -1, status: 'INVALID' }] })).rejects.toThrow(RangeError);
    await expect(build({ length: 0 })).rejects.toThrow(TypeError);
  });
});

describe('tokenStatusName', () => {
  it('names the three values the platform writes and refuses any other', () => {
    expect([0, 1, 2].map(tokenStatusName)).toEqual(['VALID', 'INVALID', 'SUSPENDED']);
    expect(() => tokenStatusName(3)).toThrow(RangeError);
  });
});
