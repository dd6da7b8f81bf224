import type { LearningCredentialFacts } from '@alliance/credentials';
import type { Credential } from '../../domain/credential/credential.state';
import type { LearnerRef } from '../../domain/award/award.events';
import type { InstitutionSnapshot } from '../../domain/knowledge/institution-snapshot';
import type { SpecSnapshot } from '../../domain/knowledge/spec-snapshot';
import type { PublishedDefinition } from '../compose/published-definition';
import { splitName } from '../compose/compose-credential';

/** Everything the EUDI Learning Credential says, as issuance knows it for one issued credential. */
export interface LearningCredentialSources {
  credential: Credential;
  learner: LearnerRef;
  spec: SpecSnapshot;
  /** The awarding bodies as issuance knows them now, lead first. */
  institutions: InstitutionSnapshot[];
  /** The issuer identifier of the lead awarding body (see `learningCredentialIssuer`). */
  iss: string;
}

/**
 * Maps an issued micro-credential onto the EUDI Learning Credential's claims. Two Annex I elements have no claim
 * there (type of assessment, form of participation); the co-signed Open Badges credential keeps them.
 */
export function learningCredentialFacts(sources: LearningCredentialSources): LearningCredentialFacts {
  const { credential, learner, spec, institutions, iss } = sources;
  const definition = spec.definition as unknown as PublishedDefinition;
  const { givenName, familyName } = splitName(learner.name);
  const subject = (credential.document['credentialSubject'] ?? {}) as { result?: { grade?: unknown } };
  const grade = subject.result?.grade;
  const validUntil = credential.document['validUntil'];
  const outcomes = (definition.learningOutcomes ?? []).map((o) => o.description);
  return {
    iss,
    issuingAuthority: institutions.map((i) => i.legalName ?? i.name),
    issuingCountry: institutions[0].countryCode.toUpperCase(),
    dateOfIssuance: (credential.issuedAt ?? credential.awardedAt).slice(0, 10),
    ...(typeof validUntil === 'string' ? { dateOfExpiry: validUntil.slice(0, 10) } : {}),
    familyName,
    ...(givenName && givenName !== familyName ? { givenName } : {}),
    learnerIdentification: learner.learnerId,
    achievementTitle: definition.title ?? spec.title,
    ...(definition.description ? { achievementDescription: definition.description } : {}),
    ...(outcomes.length ? { learningOutcomes: outcomes } : {}),
    ...(grade !== undefined && grade !== null ? { assessmentGrade: String(grade) } : {}),
    languageOfClasses: definition.languages ?? [],
    expectedStudyTime: studyTime(definition),
    levelOfLearningExperience: definition.eqfLevel as LearningCredentialFacts['levelOfLearningExperience'],
    typesOfQualityAssurance: [definition.qualityAssurance?.type].filter((t): t is string => !!t),
    ...(definition.prerequisites ? { prerequisitesToEnroll: [definition.prerequisites] } : {}),
    ...(definition.stackability ? { integrationStackabilityOptions: definition.stackability.option === 'stackable' } : {}),
  };
}

/** The notional workload as the EUDI claim wants it: free text, ECTS first, hours when known. */
function studyTime(definition: PublishedDefinition): string {
  const ects = `${definition.ects} ECTS credit${definition.ects === 1 ? '' : 's'}`;
  return definition.workloadHours ? `${ects} (${definition.workloadHours} hours)` : ects;
}
