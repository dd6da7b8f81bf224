import { keyPair, minimalFacts } from './__tests__/learning-credential.fixture';
import { issueLearningCredential } from './issue-learning-credential';
import { localSigner } from './jws-signer';
import { buildStatusListToken, type StatusListTokenInput } from './status-list-token';
import { verifyLearningCredential } from './verify-learning-credential';

const NOW = new Date('2026-12-01T09:00:00Z');
const LATER = new Date('2026-12-01T09:05:00Z');
const LIST_URI = 'https://issuer.alliance.example/status-lists/uni-a-1/token';
const issuer = keyPair('EdDSA', 'issuer-ed');
const holder = keyPair('ES256');

/** A Status List Token signed by the issuer: entry 5 revoked, entry 6 suspended, the rest valid. */
const statusListJwt = (overrides: Partial<StatusListTokenInput> = {}) =>
  buildStatusListToken({
    uri: LIST_URI,
    iss: 'https://issuer.alliance.example',
    length: 8,
    entries: [
      { idx: 5, status: 'INVALID' },
      { idx: 6, status: 'SUSPENDED' },
    ],
    signer: localSigner(issuer.privateJwk),
    now: NOW,
    ttlSeconds: 300,
    lifetimeSeconds: 3600,
    ...overrides,
  });

const issueAt = (idx: number) =>
  issueLearningCredential({
    facts: minimalFacts(),
    holderJwk: holder.publicJwk,
    signer: localSigner(issuer.privateJwk),
    status: { status_list: { idx, uri: LIST_URI } },
    now: NOW,
  });

const verifyWith = async (idx: number, statusListFetcher?: (uri: string) => Promise<string>, now = LATER) =>
  verifyLearningCredential(await issueAt(idx), { issuerJwk: issuer.publicJwk, now, ...(statusListFetcher ? { statusListFetcher } : {}) });

describe('verifyLearningCredential with a status list fetcher', () => {
  it('fetches the list the credential names and reports its entry: VALID, INVALID or SUSPENDED', async () => {
    const fetched: string[] = [];
    const fetcher = async (uri: string) => (fetched.push(uri), statusListJwt());
    expect((await verifyWith(4, fetcher)).status).toBe('VALID');
    expect((await verifyWith(5, fetcher)).status).toBe('INVALID');
    expect((await verifyWith(6, fetcher)).status).toBe('SUSPENDED');
    expect(fetched).toEqual([LIST_URI, LIST_URI, LIST_URI]);
  });

  it('reports no status without a fetcher', async () => {
    expect(await verifyWith(5)).not.toHaveProperty('status');
  });

  it('refuses a list signed by another key, naming another URI, expired, or not typed statuslist+jwt', async () => {
    const other = keyPair('EdDSA', 'issuer-ed');
    await expect(verifyWith(4, () => statusListJwt({ signer: localSigner(other.privateJwk) }))).rejects.toThrow(/status list/i);
    await expect(verifyWith(4, () => statusListJwt({ uri: `${LIST_URI}-other` }))).rejects.toThrow(/subject/i);
    await expect(verifyWith(4, () => statusListJwt(), new Date('2026-12-01T11:00:00Z'))).rejects.toThrow(/expired/i);
    const credentialJwt = async () => (await issueAt(4)).split('~')[0];
    await expect(verifyWith(4, credentialJwt)).rejects.toThrow(/typ/i);
  });
});
