/**
 * The definition fields the credential needs, as the catalogue publishes them (issuance's reading of the
 * contract; it never imports the catalogue). Optional Annex I elements may be absent.
 */
export interface PublishedDefinition {
  title: string;
  description?: string;
  learningOutcomes: { description: string; escoSkillUri?: string }[];
  ects: number;
  workloadHours?: number;
  eqfLevel: number;
  qfEheaCycle?: 'short-cycle' | 'first-cycle' | 'second-cycle' | 'third-cycle';
  assessmentType: string;
  formOfParticipation: 'online' | 'onsite' | 'blended';
  qualityAssurance: { type: string; body: string; bodyUrl?: string };
  languages?: string[];
  validityMonths?: number;
  prerequisites?: string;
  supervisionAndIdentityVerification?:
    | 'unsupervised-no-identity-verification'
    | 'supervised-no-identity-verification'
    | 'supervised-online-identity-verification'
    | 'supervised-onsite-identity-verification';
  gradingScheme?: {
    type: 'pass-fail' | 'numeric' | 'letter';
    description?: string;
    minimum?: number;
    maximum?: number;
    passMark?: number;
    letters?: string[];
  };
  stackability?: { option: 'stand-alone' | 'stackable'; towards?: string };
  furtherInformation?: string;
}
