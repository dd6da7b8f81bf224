import type { EqfLevel } from '../model/definition-types';
import { isEqfLevel } from '../model/eqf';
import type { CalendarDateInput } from './calendar-date';
import { checkIssuerUrl } from './issuer-url';

/**
 * What the issuer knows about one awarded micro-credential, in the terms of the EUDI Learning Credential
 * (`urn:eu.europa.ec.eudi:learning:credential:1`). Claim names and encodings follow the EUDI reference issuers.
 */
export interface LearningCredentialFacts {
  /** Issuer identifier: an https URL (http on loopback hosts) whose `/.well-known/jwt-vc-issuer` lists the signing keys. */
  iss: string;
  /** The awarding bodies' names; several co-issuers are joined with ", ". */
  issuingAuthority: string | readonly string[];
  /** ISO 3166-1 alpha-2 code of the issuer's country, upper case. */
  issuingCountry: string;
  /** The date the achievement was awarded. */
  dateOfIssuance: CalendarDateInput;
  /** Only when the achievement really expires; the credential's `exp` never goes past the end of this day. */
  dateOfExpiry?: CalendarDateInput;
  familyName: string;
  givenName?: string;
  /** The learner's identifier at the issuing institution (e.g. a student number). */
  learnerIdentification: string;
  achievementTitle: string;
  achievementDescription?: string;
  learningOutcomes?: readonly string[];
  assessmentGrade?: string;
  /** Languages of instruction, preferably as language tags ("en", "fr"). */
  languageOfClasses: readonly string[];
  /** Notional workload as free text, e.g. "6 ECTS credits (150 hours)". */
  expectedStudyTime: string;
  /** EQF level, an integer from 1 to 8. */
  levelOfLearningExperience: EqfLevel;
  typesOfQualityAssurance: readonly string[];
  prerequisitesToEnroll?: readonly string[];
  integrationStackabilityOptions?: boolean;
}

const COUNTRY = /^[A-Z]{2}$/;

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new TypeError(`${field} must be a non-empty string`);
  return value;
}

function optionalText(value: unknown, field: string): string | undefined {
  return value === undefined ? undefined : text(value, field);
}

/** A list of non-empty strings; at least one when `required`. An empty optional list counts as absent. */
function texts(value: unknown, field: string, required: boolean): string[] | undefined {
  if (value === undefined && !required) return undefined;
  if (!Array.isArray(value)) throw new TypeError(`${field} must be an array of strings`);
  if (value.length === 0) {
    if (required) throw new TypeError(`${field} must hold at least one entry`);
    return undefined;
  }
  return value.map((entry, i) => text(entry, `${field}[${i}]`));
}

/** The facts after validation, normalised: authority names joined, empty optional lists dropped. */
export interface CheckedLearningCredentialFacts {
  iss: string;
  issuingAuthority: string;
  issuingCountry: string;
  familyName: string;
  givenName?: string;
  learnerIdentification: string;
  achievementTitle: string;
  achievementDescription?: string;
  learningOutcomes?: string[];
  assessmentGrade?: string;
  languageOfClasses: string[];
  expectedStudyTime: string;
  levelOfLearningExperience: EqfLevel;
  typesOfQualityAssurance: string[];
  prerequisitesToEnroll?: string[];
  integrationStackabilityOptions?: boolean;
}

function issuerUrl(value: unknown): string {
  const iss = text(value, 'iss');
  checkIssuerUrl(iss, 'iss');
  return iss;
}

function authority(value: unknown): string {
  if (typeof value === 'string') return text(value, 'issuingAuthority');
  const names = texts(value, 'issuingAuthority', true) as string[];
  return names.join(', ');
}

/** Validates the facts other than dates, throwing a TypeError that names the first bad field. */
export function checkLearningCredentialFacts(facts: LearningCredentialFacts): CheckedLearningCredentialFacts {
  if (typeof facts !== 'object' || facts === null) throw new TypeError('facts must be an object');
  if (typeof facts.issuingCountry !== 'string' || !COUNTRY.test(facts.issuingCountry)) {
    throw new TypeError(`issuingCountry must be an ISO 3166-1 alpha-2 code (two upper-case letters), got ${String(facts.issuingCountry)}`);
  }
  if (!isEqfLevel(facts.levelOfLearningExperience)) {
    throw new TypeError(
      `levelOfLearningExperience must be an EQF level, an integer from 1 to 8, got ${String(facts.levelOfLearningExperience)}`,
    );
  }
  const stackable = facts.integrationStackabilityOptions;
  if (stackable !== undefined && typeof stackable !== 'boolean') throw new TypeError('integrationStackabilityOptions must be a boolean');
  return {
    iss: issuerUrl(facts.iss),
    issuingAuthority: authority(facts.issuingAuthority),
    issuingCountry: facts.issuingCountry,
    familyName: text(facts.familyName, 'familyName'),
    givenName: optionalText(facts.givenName, 'givenName'),
    learnerIdentification: text(facts.learnerIdentification, 'learnerIdentification'),
    achievementTitle: text(facts.achievementTitle, 'achievementTitle'),
    achievementDescription: optionalText(facts.achievementDescription, 'achievementDescription'),
    learningOutcomes: texts(facts.learningOutcomes, 'learningOutcomes', false),
    assessmentGrade: optionalText(facts.assessmentGrade, 'assessmentGrade'),
    languageOfClasses: texts(facts.languageOfClasses, 'languageOfClasses', true) as string[],
    expectedStudyTime: text(facts.expectedStudyTime, 'expectedStudyTime'),
    levelOfLearningExperience: facts.levelOfLearningExperience,
    typesOfQualityAssurance: texts(facts.typesOfQualityAssurance, 'typesOfQualityAssurance', true) as string[],
    prerequisitesToEnroll: texts(facts.prerequisitesToEnroll, 'prerequisitesToEnroll', false),
    integrationStackabilityOptions: stackable,
  };
}
