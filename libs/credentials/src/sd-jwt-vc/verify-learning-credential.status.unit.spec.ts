import { createHeaderAndPayload, StatusList } from '@sd-jwt/jwt-status-list';
import { keyPair, minimalFacts } from './__tests__/learning-credential.fixture';
import { issueLearningCredential } from './issue-learning-credential';
import { localSigner } from './jws-signer';
import { verifyLearningCredential } from './verify-learning-credential';

const NOW = new Date('2026-12-01T09:00:00Z');
const LATER = new Date('2026-12-01T09:05:00Z');
const LIST_URI = 'https://issuer.alliance.example/status/1';
const issuer = keyPair('EdDSA', 'issuer-ed');
const holder = keyPair('ES256');

/** A Token Status List JWT signed by the issuer in which entry 5 is revoked (1) and the rest valid (0). */
async function statusListJwt(): Promise<string> {
  const list = new StatusList([0, 0, 0, 0, 0, 1, 0, 0], 1);
  const iat = Math.floor(NOW.getTime() / 1000);
  const { header, payload } = createHeaderAndPayload(
    list,
    { iss: 'https://issuer.alliance.example', sub: LIST_URI, iat },
    {
      alg: 'EdDSA',
      typ: 'statuslist+jwt',
    },
  );
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const signingInput = `${encode(header)}.${encode(payload)}`;
  return `${signingInput}.${await localSigner(issuer.privateJwk).sign(signingInput)}`;
}

const issueAt = (idx: number) =>
  issueLearningCredential({
    facts: minimalFacts(),
    holderJwk: holder.publicJwk,
    signer: localSigner(issuer.privateJwk),
    status: { status_list: { idx, uri: LIST_URI } },
    now: NOW,
  });

describe('verifyLearningCredential with a status list fetcher', () => {
  it('checks a valid entry and says so', async () => {
    const fetched: string[] = [];
    const statusListFetcher = async (uri: string) => (fetched.push(uri), statusListJwt());
    const result = await verifyLearningCredential(await issueAt(4), { issuerJwk: issuer.publicJwk, now: LATER, statusListFetcher });
    expect(fetched).toEqual([LIST_URI]);
    expect(result.statusChecked).toBe(true);
  });

  it('refuses a revoked credential', async () => {
    const options = { issuerJwk: issuer.publicJwk, now: LATER, statusListFetcher: () => statusListJwt() };
    await expect(verifyLearningCredential(await issueAt(5), options)).rejects.toThrow(/status/i);
  });
});
