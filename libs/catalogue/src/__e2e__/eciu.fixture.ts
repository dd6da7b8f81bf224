import { generateKeyPairSync } from 'node:crypto';

export const ECIU = {
  aau: { name: 'Aalborg University', legalName: 'Aalborg Universitet', countryCode: 'DK', region: 'DK-81', homepage: 'https://www.aau.dk' },
  dcu: {
    name: 'Dublin City University',
    legalName: 'Dublin City University',
    countryCode: 'IE',
    region: 'Dublin',
    homepage: 'https://www.dcu.ie',
  },
  tuhh: {
    name: 'Hamburg University of Technology',
    legalName: 'Technische Universität Hamburg',
    countryCode: 'DE',
    region: 'DE-HH',
    homepage: 'https://www.tuhh.de',
  },
  ktu: {
    name: 'Kaunas University of Technology',
    legalName: 'Kauno technologijos universitetas',
    countryCode: 'LT',
    homepage: 'https://ktu.edu',
  },
};

export function publicKeyJwk(): { kty: string; crv: string; x: string } {
  const { publicKey } = generateKeyPairSync('ed25519');
  const { kty, crv, x } = publicKey.export({ format: 'jwk' });
  return { kty: kty!, crv: crv!, x: x! };
}

export function definitionFor(ids: { aau: string; dcu: string; tuhh: string }, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Sustainable Energy Systems: Challenge-Based Learning',
    learningOutcomes: [
      {
        description: 'Model the energy balance of a district heating network',
        escoSkillUri: 'http://data.europa.eu/esco/skill/5b5a7f4b-1b7f-4d8c-9b3a-1a2b3c4d5e6f',
      },
      { description: 'Work in an international team on a real challenge from a city partner' },
    ],
    ects: 6,
    eqfLevel: 7,
    qfEheaCycle: 'second-cycle',
    assessmentType: 'Project report and oral defence',
    formOfParticipation: 'blended',
    qualityAssurance: { type: 'Internal quality assurance of each awarding university', body: 'Danish Accreditation Institution' },
    awardingBodies: [
      { institutionId: ids.aau, lead: true },
      { institutionId: ids.dcu, lead: false },
      { institutionId: ids.tuhh, lead: false },
    ],
    components: [
      { code: 'ENERGY-MODEL', title: 'Energy system modelling', institutionId: ids.aau, ects: 2 },
      { code: 'CHALLENGE', title: 'Challenge project with a city partner', institutionId: ids.dcu, ects: 2 },
      { code: 'GRID', title: 'Smart grid engineering', institutionId: ids.tuhh, ects: 2 },
    ],
    issuanceRule: { allComponentsPassed: true, withinMonths: 12 },
    languages: ['en'],
    validityMonths: 60,
    ...overrides,
  };
}
