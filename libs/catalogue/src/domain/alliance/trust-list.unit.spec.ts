import { allianceDid, registryStateOf, trustListMembers, unsignedTrustList } from './trust-list';
import type { Institution } from '../institution/institution.state';

const BASE = 'https://credentials.alliance.example';

function member(id: string, extra: Partial<Institution> = {}): Institution {
  return {
    institutionId: id,
    name: `University ${id}`,
    legalName: `Universitas ${id}`,
    countryCode: 'DK',
    homepage: `https://${id}.example`,
    did: `did:web:${id}.example`,
    status: 'active',
    registeredAt: '2026-01-01T00:00:00.000Z',
    keys: [],
    rejectedKeys: [],
    challenges: [],
    statusHistory: [
      { status: 'pending', from: '2026-01-01T00:00:00.000Z' },
      { status: 'active', from: '2026-01-02T00:00:00.000Z' },
    ],
    ...extra,
  };
}

describe('the trust list of a registry state', () => {
  it('names the alliance by a did:web under the catalogue, paths and ports included', () => {
    expect(allianceDid(BASE)).toBe('did:web:credentials.alliance.example:alliance');
    expect(allianceDid('http://127.0.0.1:3001/catalogue/')).toBe('did:web:127.0.0.1%3A3001:catalogue:alliance');
  });

  it('identifies a state by its members only: order of reading and open challenges do not change it', () => {
    const a = member('a');
    const b = member('b');
    const one = registryStateOf(trustListMembers([a, b], BASE));
    expect(registryStateOf(trustListMembers([b, a], BASE))).toBe(one);
    expect(
      registryStateOf(
        trustListMembers(
          [
            {
              ...a,
              challenges: [
                { keyId: 'k', nonce: 'n', expiresAt: '2026-01-01T00:10:00.000Z', issuedAt: '2026-01-01T00:00:00.000Z', used: false },
              ],
            },
            b,
          ],
          BASE,
        ),
      ),
    ).toBe(one);
    expect(registryStateOf(trustListMembers([{ ...a, status: 'suspended' }, b], BASE))).not.toBe(one);
  });

  it('is a VC 2.0 issued by the alliance about the registry, listing each member with its DID hosting', () => {
    const platformHosted = member('p', { did: 'did:web:credentials.alliance.example:institutions:p' });
    const list = unsignedTrustList({
      catalogueBaseUrl: BASE,
      members: trustListMembers([member('a'), platformHosted], BASE),
      validFrom: '2026-02-01T00:00:00.000Z',
    });
    expect(list).toMatchObject({
      type: ['VerifiableCredential', 'AllianceTrustList'],
      issuer: 'did:web:credentials.alliance.example:alliance',
      validFrom: '2026-02-01T00:00:00.000Z',
      credentialSubject: { id: 'did:web:credentials.alliance.example:alliance', type: 'AllianceRegistry' },
    });
    expect(list['@context'][0]).toBe('https://www.w3.org/ns/credentials/v2');
    expect(list.credentialSubject.member.map((m) => [m.id, m.didHosting, m.didDocument])).toEqual([
      ['did:web:a.example', 'institution-hosted', `${BASE}/institutions/a/did.json`],
      ['did:web:credentials.alliance.example:institutions:p', 'platform-hosted', `${BASE}/institutions/p/did.json`],
    ]);
  });
});
