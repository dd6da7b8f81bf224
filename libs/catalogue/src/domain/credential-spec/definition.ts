/**
 * A joint micro-credential as the alliance defines it: every Annex I element of the Council Recommendation
 * (2022/C 243/02) that belongs to the definition (learner, issue date and grade achieved belong to each
 * issued credential), plus how the work is shared between the awarding bodies and when it is awarded.
 */
export interface CredentialSpecDefinition {
  title: string;
  description?: string;
  learningOutcomes: LearningOutcome[];
  /** Notional workload in ECTS credits. */
  ects: number;
  /** Notional workload in hours, when stated besides ECTS. */
  workloadHours?: number;
  eqfLevel: number;
  qfEheaCycle?: QfEheaCycle;
  assessmentType: string;
  formOfParticipation: FormOfParticipation;
  qualityAssurance: QualityAssurance;
  /** Two or more members; exactly one is the lead (the credential's `issuer`). */
  awardingBodies: AwardingBodyRef[];
  components: Component[];
  issuanceRule: IssuanceRule;
  /** BCP 47 language tags of instruction and assessment. */
  languages: string[];
  /** How long an issued credential stays valid; absent: it does not expire. */
  validityMonths?: number;
  prerequisites?: string;
  supervisionAndIdentityVerification?: SupervisionAndIdentityVerification;
  gradingScheme?: GradingScheme;
  stackability?: Stackability;
  /** Published definitions this one is composed of (a stack). */
  stackParts?: StackPartRef[];
  furtherInformation?: string;
}

export interface LearningOutcome {
  description: string;
  /** ESCO skill or competence, e.g. http://data.europa.eu/esco/skill/<uuid>. */
  escoSkillUri?: string;
}

export const FORMS_OF_PARTICIPATION = ['online', 'onsite', 'blended'] as const;
export type FormOfParticipation = (typeof FORMS_OF_PARTICIPATION)[number];

/** QF-EHEA cycles, each tied to one EQF level. */
export const QF_EHEA_CYCLES = { 'short-cycle': 5, 'first-cycle': 6, 'second-cycle': 7, 'third-cycle': 8 } as const;
export type QfEheaCycle = keyof typeof QF_EHEA_CYCLES;

export const SUPERVISION_OPTIONS = [
  'unsupervised-no-identity-verification',
  'supervised-no-identity-verification',
  'supervised-online-identity-verification',
  'supervised-onsite-identity-verification',
] as const;
export type SupervisionAndIdentityVerification = (typeof SUPERVISION_OPTIONS)[number];

export interface QualityAssurance {
  /** e.g. "internal quality assurance of the awarding universities" or "external accreditation". */
  type: string;
  /** The QA body, e.g. "Danish Accreditation Institution". */
  body: string;
  bodyUrl?: string;
}

export interface AwardingBodyRef {
  institutionId: string;
  lead: boolean;
}

/** A part of the programme one member teaches and assesses, with its share of the workload. */
export interface Component {
  /** Unique within the definition; results are published against it. */
  code: string;
  title: string;
  institutionId: string;
  ects: number;
  description?: string;
}

export const GRADING_TYPES = ['pass-fail', 'numeric', 'letter'] as const;
export interface GradingScheme {
  type: (typeof GRADING_TYPES)[number];
  description?: string;
  /** numeric: the scale and the pass mark. */
  minimum?: number;
  maximum?: number;
  passMark?: number;
  /** letter: grades from best to worst, and the lowest passing one. */
  letters?: string[];
  lowestPassingLetter?: string;
}

/** When the credential is awarded; the issuance context evaluates it on assessment results. */
export interface IssuanceRule {
  allComponentsPassed: boolean;
  /** Lowest grade every component must reach (numeric or letter, on the grading scheme). */
  minimumGrade?: number | string;
  /** All components must be passed within this many months of the learner's enrolment. */
  withinMonths?: number;
  /** For a stack: every part credential must have been awarded to the learner. */
  allStackPartsAwarded?: boolean;
}

export const STACKABILITY_OPTIONS = ['stand-alone', 'stackable'] as const;
export interface Stackability {
  option: (typeof STACKABILITY_OPTIONS)[number];
  /** What it stacks towards, in words (a programme, a larger credential). */
  towards?: string;
}

export interface StackPartRef {
  credentialSpecId: string;
  /** Pinned when the definition is saved; absent in a request means the part's current published version. */
  version?: number;
}
