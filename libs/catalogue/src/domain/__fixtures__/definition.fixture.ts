import type { CredentialSpecDefinition } from '../credential-spec/definition';
import { AAU, DCU, TUHH } from './members.fixture';

/** The awarding bodies of the joint micro-credential below, by their institution ids. */
export interface EnergyPartners {
  aau: string;
  dcu: string;
  tuhh: string;
}

/** A realistic joint micro-credential of three ECIU members: 6 ECTS in three 2-ECTS components. */
export function sustainableEnergyDefinition(overrides: Partial<CredentialSpecDefinition> = {}): CredentialSpecDefinition {
  return sustainableEnergyDefinitionOf({ aau: AAU, dcu: DCU, tuhh: TUHH }, overrides);
}

/** The same micro-credential, awarded by the members with these ids. */
export function sustainableEnergyDefinitionOf(
  ids: EnergyPartners,
  overrides: Partial<CredentialSpecDefinition> = {},
): CredentialSpecDefinition {
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
