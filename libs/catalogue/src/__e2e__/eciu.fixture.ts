import { generateKeyPairSync } from 'node:crypto';
import { type EnergyPartners, sustainableEnergyDefinitionOf } from '../domain/__fixtures__/definition.fixture';

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

/** The sustainable-energy micro-credential of the domain specs, awarded by these members, as a request body. */
export function definitionFor(ids: EnergyPartners, overrides: Record<string, unknown> = {}) {
  return { ...sustainableEnergyDefinitionOf(ids), ...overrides };
}
