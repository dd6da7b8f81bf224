import { EnrolmentException } from '../enrolment.exception';
import type { PublishedSpecVersion } from '../published-spec';
import type { Enrol, HeldCredential } from './learner.commands';
import type { MetPrerequisite } from './learner.events';

/** Only the current published version of a definition takes new learners. */
export function requireEnrollable(
  spec: PublishedSpecVersion | undefined,
  credentialSpecId: string,
  requestedVersion?: number,
): PublishedSpecVersion {
  if (!spec) {
    throw new EnrolmentException(
      'enrolment.spec-not-published',
      `credential definition ${credentialSpecId}${requestedVersion ? ` version ${requestedVersion}` : ''} is not published (unknown or still a draft)`,
      requestedVersion ? 'specVersion' : 'credentialSpecId',
    );
  }
  if (spec.status === 'retired') {
    throw new EnrolmentException(
      'enrolment.spec-retired',
      `credential definition ${credentialSpecId} version ${spec.version} is retired`,
      'credentialSpecId',
    );
  }
  if (spec.status === 'superseded') {
    throw new EnrolmentException(
      'enrolment.spec-version-superseded',
      `version ${spec.version} of credential definition ${credentialSpecId} was superseded; enrol in the current version`,
      'specVersion',
    );
  }
  return spec;
}

/** The enrolling institution is one of the awarding bodies: it answers for the learner's admission. */
export function requireAwardingBody(spec: PublishedSpecVersion, institutionId: string): void {
  if (!spec.awardingInstitutionIds.includes(institutionId)) {
    throw new EnrolmentException(
      'enrolment.institution-not-awarding-body',
      `institution ${institutionId} is not an awarding body of credential definition ${spec.credentialSpecId} (awarding bodies: ${spec.awardingInstitutionIds.join(', ')})`,
      'institutionId',
    );
  }
}

/** Every required prior credential must be held; the answer names each missing one. */
export function checkPrerequisites(spec: PublishedSpecVersion, held: HeldCredential[]): MetPrerequisite[] {
  const met: MetPrerequisite[] = [];
  const missing: string[] = [];
  for (const required of spec.requiredCredentialSpecIds) {
    const found = held.find((h) => h.credentialSpecId === required);
    if (found) met.push({ credentialSpecId: required, credentialId: found.credentialId });
    else missing.push(required);
  }
  if (missing.length > 0) {
    throw new EnrolmentException(
      'enrolment.prerequisites-not-met',
      `the learner does not hold the credential${missing.length > 1 ? 's' : ''} this definition requires: ${missing.join(', ')}`,
      'learnerId',
      { missingCredentialSpecIds: missing },
    );
  }
  return met;
}

/** Consent cannot be given in the future. */
export function requireConsent(command: Enrol, now: Date): void {
  const at = new Date(command.consent.givenAt);
  if (Number.isNaN(at.getTime()))
    throw new EnrolmentException('enrolment.consent-invalid', 'consent.givenAt must be an ISO 8601 instant', 'consent.givenAt');
  if (at.getTime() > now.getTime() + 60_000) {
    throw new EnrolmentException('enrolment.consent-in-future', 'consent.givenAt lies in the future', 'consent.givenAt');
  }
}
