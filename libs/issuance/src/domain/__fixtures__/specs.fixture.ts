import type { SpecSnapshot } from '../knowledge/spec-snapshot';
import type { ComponentResult } from '../award/award-inputs';
import type { AchievedGrade } from '../award/issuance-rule';

export const UNI_A = '0190f5a0-0000-7000-8000-00000000000a';
export const UNI_B = '0190f5a0-0000-7000-8000-00000000000b';
export const UNI_C = '0190f5a0-0000-7000-8000-00000000000c';

/** Two universities, one component each, numeric grades 0-10, pass mark 5, at least 6 to be awarded, within 6 months. */
export const jointSpec: SpecSnapshot = {
  specId: 'spec-joint',
  version: 1,
  title: 'Sustainable Energy Systems',
  awardingBodies: [
    { institutionId: UNI_A, lead: true },
    { institutionId: UNI_B, lead: false },
  ],
  components: [
    { code: 'SES-1', title: 'Energy markets', institutionId: UNI_A, ects: 3 },
    { code: 'SES-2', title: 'Grid integration', institutionId: UNI_B, ects: 3 },
  ],
  issuanceRule: { allComponentsPassed: true, minimumGrade: 6, withinMonths: 6 },
  gradingScheme: { type: 'numeric', minimum: 0, maximum: 10, passMark: 5 },
  definition: {
    title: 'Sustainable Energy Systems',
    description: 'A joint micro-credential on energy markets and grid integration.',
    learningOutcomes: [
      { description: 'Explain how wholesale electricity markets clear', escoSkillUri: 'http://data.europa.eu/esco/skill/abc-123' },
      { description: 'Assess grid integration of variable renewables' },
    ],
    ects: 6,
    eqfLevel: 7,
    qfEheaCycle: 'second-cycle',
    assessmentType: 'Written examination and project report',
    formOfParticipation: 'blended',
    qualityAssurance: { type: 'Internal quality assurance of the awarding universities', body: 'Danish Accreditation Institution' },
    languages: ['en'],
    prerequisites: 'A bachelor degree in engineering',
    supervisionAndIdentityVerification: 'supervised-onsite-identity-verification',
    gradingScheme: { type: 'numeric', minimum: 0, maximum: 10, passMark: 5 },
    stackability: { option: 'stackable', towards: 'Energy Transition' },
    validityMonths: 60,
  },
};

export const letterSpec: SpecSnapshot = {
  ...jointSpec,
  specId: 'spec-letter',
  issuanceRule: { allComponentsPassed: true, minimumGrade: 'C' },
  gradingScheme: { type: 'letter', letters: ['A', 'B', 'C', 'D', 'E', 'F'], lowestPassingLetter: 'E' },
};

export const passFailSpec: SpecSnapshot = {
  ...jointSpec,
  specId: 'spec-pass-fail',
  issuanceRule: { allComponentsPassed: true },
  gradingScheme: { type: 'pass-fail' },
};

/** A stack of the joint spec (A and B) and a part awarded by C alone. */
export const stackSpec: SpecSnapshot = {
  specId: 'spec-stack',
  version: 1,
  title: 'Energy Transition (stack)',
  awardingBodies: [
    { institutionId: UNI_A, lead: true },
    { institutionId: UNI_B, lead: false },
    { institutionId: UNI_C, lead: false },
  ],
  components: [],
  issuanceRule: { allComponentsPassed: false, allStackPartsAwarded: true },
  stackParts: [{ credentialSpecId: 'spec-joint' }, { credentialSpecId: 'spec-c' }],
  definition: { title: 'Energy Transition (stack)' },
};

export function result(
  componentCode: string,
  grade: number | string | undefined,
  assessedAt = '2026-03-01T10:00:00.000Z',
  passed = true,
): ComponentResult {
  return {
    resultId: `r-${componentCode}`,
    componentCode,
    institutionId: componentCode === 'SES-1' ? UNI_A : UNI_B,
    passed,
    ...(grade !== undefined ? { grade } : {}),
    assessedAt,
  };
}

/** The grades of the joint spec's two components: SES-1 at UNI_A, SES-2 at UNI_B. */
export const jointGrades = (ses1: number | string, ses2: number | string): AchievedGrade[] => [
  { componentCode: 'SES-1', institutionId: UNI_A, grade: ses1 },
  { componentCode: 'SES-2', institutionId: UNI_B, grade: ses2 },
];

export const institutionsFixture = () =>
  new Map(
    [
      [UNI_A, 'Aarhus Technical University', 'DK', 'did:web:a.example'],
      [UNI_B, 'Universidad de Bruselas', 'BE', 'did:web:b.example'],
      [UNI_C, 'Cracow University', 'PL', 'did:web:c.example'],
    ].map(([institutionId, name, countryCode, did]) => [
      institutionId,
      {
        institutionId,
        name,
        countryCode,
        did,
        status: 'active' as const,
        statusHistory: [{ status: 'active' as const, from: '2025-01-01T00:00:00.000Z' }],
        keys: [],
      },
    ]),
  );
