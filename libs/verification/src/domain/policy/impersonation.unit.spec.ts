import type { RegisteredInstitution } from '../registry/registered-institution';
import { didWebDomain, impersonationsOf, normaliseHost, normaliseName } from './impersonation';

const member = (over: Partial<RegisteredInstitution> = {}): RegisteredInstitution => ({
  institutionId: 'inst-a',
  name: 'Aalborg University',
  legalName: 'Aalborg Universitet',
  homepage: 'https://www.aau.dk/',
  countryCode: 'DK',
  did: 'did:web:credentials.alliance.example:institutions:inst-a',
  statusHistory: [],
  keys: [],
  ...over,
});
const profile = (over: Partial<Parameters<typeof impersonationsOf>[0][number]> = {}) => ({
  where: 'issuer',
  names: [],
  addresses: [],
  identifiers: [],
  ...over,
});

describe('impersonation', () => {
  it.each([
    ['https://www.aau.dk/', 'aau.dk'],
    ['aau.dk', 'aau.dk'],
    ['HTTP://WWW.AAU.DK.:8443/en?x=1', 'aau.dk'],
    ['www.aau.dk/', 'aau.dk'],
    ['mailto:info@aau.dk', undefined],
    ['localhost', undefined],
  ])('reads the host of %s as %s', (address, host) => {
    expect(normaliseHost(address)).toBe(host);
  });

  it('compares names without case, accents, punctuation or extra spaces', () => {
    expect(normaliseName('  The Technische  Universität Hamburg-Harburg ')).toBe(normaliseName('technische universitat hamburg harburg'));
  });

  it('takes a did:web without a path for its domain, never a platform-hosted one', () => {
    expect(didWebDomain('did:web:www.aau.dk')).toBe('aau.dk');
    expect(didWebDomain('did:web:localhost%3A8443')).toBeUndefined();
    expect(didWebDomain('did:web:credentials.alliance.example:institutions:inst-a')).toBeUndefined();
  });

  it('finds a claim by name, legal name, homepage or identifier, and none by the member itself', () => {
    const m = member();
    expect(impersonationsOf([profile({ id: 'did:key:z1', names: ['aalborg university'] })], [m])).toMatchObject([
      { by: 'name', member: { did: m.did } },
    ]);
    expect(impersonationsOf([profile({ names: ['Aalborg Universitet'] })], [m])).toMatchObject([{ by: 'legal name' }]);
    expect(impersonationsOf([profile({ id: 'https://aau.dk/issuer', addresses: ['https://aau.dk/issuer'] })], [m])).toMatchObject([
      { by: 'homepage' },
    ]);
    expect(impersonationsOf([profile({ identifiers: [m.did] })], [m])).toMatchObject([{ by: 'identifier' }]);
    expect(impersonationsOf([profile({ id: m.did, names: ['Aalborg Universitet'], addresses: ['https://www.aau.dk'] })], [m])).toEqual([]);
    expect(
      impersonationsOf(
        [profile({ id: 'did:key:z1', names: ['Aalborg University of Applied Arts'], addresses: ['https://cs.aau.dk.example'] })],
        [m],
      ),
    ).toEqual([]);
  });

  it("a member claiming another member's name impersonates that member", () => {
    const a = member();
    const b = member({
      institutionId: 'inst-b',
      name: 'Hamburg University of Technology',
      legalName: undefined,
      homepage: 'https://www.tuhh.de',
      did: 'did:web:tuhh.de',
    });
    expect(impersonationsOf([profile({ id: a.did, names: ['Hamburg University of Technology'] })], [a, b])).toMatchObject([
      { by: 'name', member: { did: 'did:web:tuhh.de' } },
    ]);
    expect(impersonationsOf([profile({ id: 'did:web:www.tuhh.de', addresses: ['tuhh.de'] })], [a, b])).toMatchObject([
      { by: 'homepage', member: { did: 'did:web:tuhh.de' } },
    ]);
  });

  it('lets a member say what is its own even where another member registered the same; anyone else claiming it impersonates both', () => {
    const a = member({ homepage: 'https://portal.alliance.example' });
    const b = member({
      institutionId: 'inst-b',
      legalName: undefined,
      homepage: 'https://portal.alliance.example/',
      did: 'did:web:tuhh.de',
    });
    expect(
      impersonationsOf([profile({ id: a.did, names: ['Aalborg University'], addresses: ['https://portal.alliance.example'] })], [a, b]),
    ).toEqual([]);
    expect(
      impersonationsOf([profile({ id: 'did:key:z1', addresses: ['portal.alliance.example'] })], [a, b]).map((i) => i.member.did),
    ).toEqual([a.did, b.did]);
  });
});
