import type { BitstringStatusListEntry } from '../status-list/status-list-credential';

/** EQF level, 1 to 8. */
export type EqfLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
/** Cycle of the Qualifications Framework of the European Higher Education Area. */
export type QfEheaCycle = 'short' | 'first' | 'second' | 'third';
/** Annex I "Form of participation in the learning activity". */
export type ParticipationForm = 'online' | 'onsite' | 'blended';
/** The four options Annex I lists for "Supervision and identity verification during assessment". */
export type SupervisionAndIdVerification =
  | 'unsupervised-no-id-verification'
  | 'supervised-no-id-verification'
  | 'supervised-online-id-verification'
  | 'supervised-onsite-id-verification';
/** Annex I "Integration/stackability options". */
export type StackabilityMode = 'stand-alone' | 'integrated' | 'stackable';

/** One intended learning outcome, optionally tied to an ESCO skill or competence. */
export interface LearningOutcome {
  text: string;
  /** ESCO concept URI, e.g. `http://data.europa.eu/esco/skill/…`. */
  escoUri?: string;
}

/** A university that awards (and signs) the credential. */
export interface AwardingBody {
  institutionId: string;
  name: string;
  /** The institution's DID (did:web); its proof must be in every credential it co-awards. */
  did: string;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  region?: string;
  /** The lead awarding body becomes the credential's single `issuer`. Exactly one. */
  lead: boolean;
  url?: string;
}

/** A published, immutable version of a joint micro-credential definition. */
export interface CredentialDefinitionSnapshot {
  id: string;
  version: number;
  title: string;
  description: string;
  learningOutcomes: LearningOutcome[];
  ectsCredits: number;
  eqfLevel: EqfLevel;
  qfEheaCycle?: QfEheaCycle;
  assessmentType: string;
  participationForm: ParticipationForm;
  qualityAssurance: { type: string; body: string };
  awardingBodies: AwardingBody[];
  prerequisites?: string;
  supervision?: SupervisionAndIdVerification;
  /** How the grade is expressed; becomes an Open Badges ResultDescription. */
  gradingScheme?: { name: string; resultType?: string; allowedValues?: string[] };
  stackability?: { mode: StackabilityMode; stacksInto?: string[] };
  furtherInformation?: string;
  /** BCP 47 language of the texts, e.g. `en`. */
  language: string;
  /** When set, the credential's `validUntil` is this many months after issuance. */
  validityMonths?: number;
}

/** The learner a credential is issued to. */
export interface LearnerIdentity {
  /** Platform id; never written into the credential. */
  id: string;
  givenName: string;
  familyName: string;
  /** Becomes `credentialSubject.id` when the learner has a DID. */
  did?: string;
  /** A salted hash of the learner's e-mail address (see `hashEmailIdentity`). */
  emailHash?: { identityHash: string; salt?: string };
}

/** What the builder needs to produce one credential. */
export interface BuildCredentialInput {
  /** Absolute URI, e.g. `urn:uuid:…`. */
  credentialId: string;
  definition: CredentialDefinitionSnapshot;
  learner: LearnerIdentity;
  /** Final result; the grade is Annex I's optional "Grade achieved". */
  result?: { grade?: string };
  issuanceDate: string | Date;
  /**
   * Status entries. Open Badges 3.0 allows one `credentialStatus` and its schema rejects a list, so a single
   * entry is emitted as an object; several are emitted as a list (valid VC 2.0, invalid for that schema).
   */
  status?: BitstringStatusListEntry | BitstringStatusListEntry[];
  /** URI of the Achievement; defaults to a URN derived from the definition id and version. */
  achievementId?: string;
  /**
   * Public base URL the issuing platform serves its JSON-LD contexts under; the credential names the extension
   * context at `{contextBaseUrl}/contexts/microcredential/v2`, so any verifier can fetch it.
   */
  contextBaseUrl: string;
}
