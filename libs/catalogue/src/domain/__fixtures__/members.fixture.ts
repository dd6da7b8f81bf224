import type { RegistryView, MemberView, SpecView } from '../credential-spec/registry-view';

export const AAU = 'aau-0000-0000-0000-000000000001';
export const DCU = 'dcu-0000-0000-0000-000000000002';
export const TUHH = 'tuhh-000-0000-0000-000000000003';
export const KTU = 'ktu-0000-0000-0000-000000000004';

const member = (
  institutionId: string,
  name: string,
  countryCode: string,
  host: string,
  status: MemberView['status'] = 'active',
): MemberView => ({
  institutionId,
  name,
  legalName: name,
  did: `did:web:${host}`,
  countryCode,
  homepage: `https://${host}`,
  status,
});

export const MEMBERS: MemberView[] = [
  member(AAU, 'Aalborg University', 'DK', 'www.aau.dk'),
  member(DCU, 'Dublin City University', 'IE', 'www.dcu.ie'),
  { ...member(TUHH, 'Hamburg University of Technology', 'DE', 'www.tuhh.de'), region: 'DE-HH' },
  member(KTU, 'Kaunas University of Technology', 'LT', 'ktu.edu', 'suspended'),
];

export function registryWith(specs: SpecView[] = [], members: MemberView[] = MEMBERS): RegistryView {
  return { members: new Map(members.map((m) => [m.institutionId, m])), specs: new Map(specs.map((s) => [s.credentialSpecId, s])) };
}
