import type { SpecSnapshot } from '../knowledge/spec-snapshot';
import type { ComponentResult } from '../award/award-inputs';

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
  definition: { title: 'Sustainable Energy Systems' },
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

export function result(componentCode: string, grade: number | string | undefined, assessedAt = '2026-03-01T10:00:00.000Z', passed = true): ComponentResult {
  return {
    resultId: `r-${componentCode}`,
    componentCode,
    institutionId: componentCode === 'SES-1' ? UNI_A : UNI_B,
    passed,
    ...(grade !== undefined ? { grade } : {}),
    assessedAt,
  };
}
