import type { EqfLevel } from '../model/definition-types';
import { endOfDaySeconds, epochSeconds, toFullDate } from './calendar-date';
import { assertPublicJwk, isImportablePublicJwk, type Jwk } from './jose-keys';
import { checkLearningCredentialFacts, type LearningCredentialFacts } from './learning-credential.facts';

/** The `vct` of the EUDI Learning Credential. */
export const LEARNING_CREDENTIAL_VCT = 'urn:eu.europa.ec.eudi:learning:credential:1';

/** How long a credential is valid when the achievement itself does not expire sooner (the EUDI issuer's P30D). */
export const LEARNING_CREDENTIAL_VALIDITY_SECONDS = 30 * 86_400;

/** An IETF Token Status List reference (`status.status_list`). */
export interface StatusListReference {
  status_list: { idx: number; uri: string };
}

/** The issuer-signed claims of a Learning Credential before selective-disclosure packing. */
// A type alias, not an interface, so it is assignable to the SD-JWT library's Record<string, unknown> payloads.
export type LearningCredentialClaims = {
  iss: string;
  jti: string;
  iat: number;
  exp: number;
  vct: typeof LEARNING_CREDENTIAL_VCT;
  cnf: { jwk: Jwk };
  status?: StatusListReference;
  issuing_authority: string;
  issuing_country: string;
  date_of_issuance: string;
  date_of_expiry?: string;
  family_name: string;
  given_name?: string;
  achievement_title: string;
  achievement_description?: string;
  learning_outcomes?: string[];
  assessment_grade?: string;
  language_of_classes: string[];
  learner_identification: string;
  expected_study_time: string;
  level_of_learning_experience: EqfLevel;
  types_of_quality_assurance: string[];
  prerequisites_to_enroll?: string[];
  integration_stackability_options?: boolean;
};

/**
 * Which claims are selectively disclosable, as the type metadata's `sd: "always"` says. The three lists are one
 * disclosure each, holding the whole array; their elements are plain (`sd: "never"`). Every other claim is
 * always in the clear, so verifiers can check issuer, dates and title without asking the holder.
 */
export const LEARNING_CREDENTIAL_DISCLOSURE_FRAME: { readonly _sd: readonly (keyof LearningCredentialClaims)[] } = Object.freeze({
  _sd: Object.freeze([
    'family_name',
    'given_name',
    'assessment_grade',
    'learner_identification',
    'expected_study_time',
    'level_of_learning_experience',
    'integration_stackability_options',
    'learning_outcomes',
    'types_of_quality_assurance',
    'prerequisites_to_enroll',
  ] as const),
});

/** What the issuer adds to the facts for one issuance. */
export interface LearningCredentialEnvelope {
  /** The holder's public key, bound through `cnf.jwk`. */
  holderJwk: Jwk;
  /** Issuance instant; `iat` and the 30-day validity count from it. */
  now: Date;
  /** Unique token identifier. */
  jti: string;
  status?: StatusListReference;
}

function checkStatus(status: StatusListReference | undefined): StatusListReference | undefined {
  if (status === undefined) return undefined;
  const { idx, uri } = status?.status_list ?? {};
  if (!Number.isSafeInteger(idx) || idx < 0) throw new TypeError('status.status_list.idx must be a non-negative integer');
  if (typeof uri !== 'string' || !URL.canParse(uri)) throw new TypeError('status.status_list.uri must be a URL');
  return { status_list: { idx, uri } };
}

/** Drops absent optional claims: the SD-JWT packer would otherwise turn an `undefined` into a disclosure. */
function present<T extends Record<string, unknown>>(claims: T): T {
  return Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined)) as T;
}

/**
 * Builds the Learning Credential claims from the facts, with the EUDI encodings: dates as `YYYY-MM-DD`, the EQF
 * level as an integer, times in epoch seconds, and `exp` = min(iat + 30 days, end of `date_of_expiry`).
 * Pure: the instant and `jti` come from the caller. Throws a TypeError naming the field for bad input.
 */
export function buildLearningCredentialClaims(
  facts: LearningCredentialFacts,
  envelope: LearningCredentialEnvelope,
): LearningCredentialClaims {
  const checked = checkLearningCredentialFacts(facts);
  assertPublicJwk(envelope.holderJwk, 'holderJwk');
  if (!isImportablePublicJwk(envelope.holderJwk)) throw new TypeError('holderJwk is not a usable public key');
  const jti = envelope.jti;
  if (typeof jti !== 'string' || jti === '') throw new TypeError('jti must be a non-empty string');
  if (!(envelope.now instanceof Date) || Number.isNaN(envelope.now.getTime())) throw new TypeError('now must be a valid Date');
  const dateOfIssuance = toFullDate(facts.dateOfIssuance, 'dateOfIssuance');
  const dateOfExpiry = facts.dateOfExpiry === undefined ? undefined : toFullDate(facts.dateOfExpiry, 'dateOfExpiry');
  const iat = epochSeconds(envelope.now);
  let exp = iat + LEARNING_CREDENTIAL_VALIDITY_SECONDS;
  if (dateOfExpiry !== undefined) {
    if (dateOfExpiry < dateOfIssuance) throw new TypeError(`dateOfExpiry ${dateOfExpiry} is before dateOfIssuance ${dateOfIssuance}`);
    // A credential whose achievement has already expired would be born invalid.
    if (endOfDaySeconds(dateOfExpiry) <= iat) throw new TypeError(`dateOfExpiry ${dateOfExpiry} has already passed`);
    exp = Math.min(exp, endOfDaySeconds(dateOfExpiry));
  }
  return present({
    iss: checked.iss,
    jti,
    iat,
    exp,
    vct: LEARNING_CREDENTIAL_VCT,
    cnf: { jwk: { ...envelope.holderJwk } },
    status: checkStatus(envelope.status),
    issuing_authority: checked.issuingAuthority,
    issuing_country: checked.issuingCountry,
    date_of_issuance: dateOfIssuance,
    date_of_expiry: dateOfExpiry,
    family_name: checked.familyName,
    given_name: checked.givenName,
    achievement_title: checked.achievementTitle,
    achievement_description: checked.achievementDescription,
    learning_outcomes: checked.learningOutcomes,
    assessment_grade: checked.assessmentGrade,
    language_of_classes: checked.languageOfClasses,
    learner_identification: checked.learnerIdentification,
    expected_study_time: checked.expectedStudyTime,
    level_of_learning_experience: checked.levelOfLearningExperience,
    types_of_quality_assurance: checked.typesOfQualityAssurance,
    prerequisites_to_enroll: checked.prerequisitesToEnroll,
    integration_stackability_options: checked.integrationStackabilityOptions,
  });
}
