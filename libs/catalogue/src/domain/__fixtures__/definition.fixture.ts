import type { CredentialSpecDefinition } from '../credential-spec/definition';
import { AAU, DCU, TUHH } from './members.fixture';

/** A realistic joint micro-credential of three ECIU members: 6 ECTS in three 2-ECTS components. */
export function sustainableEnergyDefinition(overrides: Partial<CredentialSpecDefinition> = {}): CredentialSpecDefinition {
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
      { institutionId: AAU, lead: true },
      { institutionId: DCU, lead: false },
      { institutionId: TUHH, lead: false },
    ],
    components: [
      { code: 'ENERGY-MODEL', title: 'Energy system modelling', institutionId: AAU, ects: 2 },
      { code: 'CHALLENGE', title: 'Challenge project with a city partner', institutionId: DCU, ects: 2 },
      { code: 'GRID', title: 'Smart grid engineering', institutionId: TUHH, ects: 2 },
    ],
    issuanceRule: { allComponentsPassed: true, withinMonths: 12 },
    languages: ['en'],
    validityMonths: 60,
    ...overrides,
  };
}
