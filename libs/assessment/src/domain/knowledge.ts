/** What assessment knows of an enrolment, from the enrolment context's integration events. */
export interface EnrolmentView {
  enrolmentId: string;
  learnerId: string;
  credentialSpecId: string;
  /** The version the enrolment is pinned to now (a transfer moves it). */
  specVersion: number;
  status: 'active' | 'withdrawn' | 'completed';
}

/** What assessment knows of a published definition version, from the catalogue's integration events. */
export interface SpecView {
  credentialSpecId: string;
  version: number;
  components: { code: string; title: string; institutionId: string }[];
  /** Pass/fail when the definition states none. */
  gradingScheme?: GradingScheme;
}

export interface GradingScheme {
  type: 'pass-fail' | 'numeric' | 'letter';
  minimum?: number;
  maximum?: number;
  passMark?: number;
  /** Best first. */
  letters?: string[];
  lowestPassingLetter?: string;
}

/** Annex I: the level of supervision and identity verification of the assessment. */
export const SUPERVISION_LEVELS = [
  'unsupervised-no-identity-verification',
  'supervised-no-identity-verification',
  'supervised-online-identity-verification',
  'supervised-onsite-identity-verification',
] as const;
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];
