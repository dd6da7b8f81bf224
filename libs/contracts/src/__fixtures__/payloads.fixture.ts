import { definitionComponent } from '@alliance/testing';

/** One valid payload per contract name, as a publisher would send it. */
const at = '2026-03-01T10:00:00.000Z';
const key = {
  keyId: 'key-1',
  verificationMethodId: 'did:web:uni-a.example#key-1',
  type: 'Multikey',
  algorithm: 'Ed25519',
  publicKeyMultibase: 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
  custody: 'issuance-service',
  validFrom: at,
};
const body = (id: string, lead: boolean, country: string) => ({
  institutionId: id,
  lead,
  name: `University ${id}`,
  legalName: `University ${id} (legal)`,
  did: `did:web:${id}.example`,
  countryCode: country,
  homepage: `https://${id}.example`,
});
const { lead: _lead, ...profile } = body('uni-a', true, 'DK');
const slot = { listId: 'uni-a-revocation-1', index: 4711 };
const learnerFacts = { enrolmentId: 'enr-1', learnerId: 'lrn-1', credentialSpecId: 'spec-1', specVersion: 1 };
const result = {
  ...learnerFacts,
  resultId: 'res-1',
  componentCode: 'C1',
  institutionId: 'uni-a',
  passed: true,
  grade: 8.5,
  assessedAt: at,
};

export const VALID_PAYLOADS: Record<string, Record<string, unknown>> = {
  'catalogue.institution.registered.v1': { ...profile, registeredAt: at },
  'catalogue.institution.key-added.v1': { institutionId: 'uni-a', key },
  'catalogue.institution.key-rotated.v1': {
    institutionId: 'uni-a',
    previousKeyId: 'key-1',
    previousValidUntil: at,
    newKey: { ...key, keyId: 'key-2', verificationMethodId: 'did:web:uni-a.example#key-2' },
  },
  'catalogue.institution.key-revoked.v1': {
    institutionId: 'uni-a',
    keyId: 'key-1',
    reason: 'HSM stolen',
    revokedAt: at,
    compromisedSince: at,
  },
  'catalogue.institution.activated.v1': { institutionId: 'uni-a', activatedAt: at },
  'catalogue.institution.suspended.v1': { institutionId: 'uni-a', reason: 'left the alliance board', suspendedAt: at },
  'catalogue.institution.reinstated.v1': { institutionId: 'uni-a', reinstatedAt: at },
  'catalogue.institution.removed.v1': { institutionId: 'uni-a', reason: 'membership ended', removedAt: at },
  'catalogue.credential-spec.published.v1': {
    credentialSpecId: 'spec-1',
    version: 1,
    publishedAt: at,
    title: 'Sustainable Energy Systems',
    learningOutcomes: [{ description: 'Model a district heating network' }],
    ects: 5,
    eqfLevel: 7,
    assessmentType: 'project work with oral defence',
    formOfParticipation: 'blended',
    qualityAssurance: { type: 'internal quality assurance', body: 'Alliance QA board' },
    awardingBodies: [body('uni-a', true, 'DK'), body('uni-b', false, 'DE')],
    components: [
      definitionComponent('C1', 'Thermodynamics', 'uni-a', 'University uni-a', 2),
      definitionComponent('C2', 'Grid economics', 'uni-b', 'University uni-b', 3),
    ],
    issuanceRule: { allComponentsPassed: true, minimumGrade: 6 },
    languages: ['en'],
    gradingScheme: { type: 'numeric', minimum: 0, maximum: 10, passMark: 6 },
    stackability: { option: 'stackable', towards: 'MSc Energy' },
    stackParts: [],
  },
  'catalogue.credential-spec.retired.v1': { credentialSpecId: 'spec-1', version: 1, reason: 'superseded', retiredAt: at },
  'enrolment.learner.enrolled.v1': {
    ...learnerFacts,
    learner: { learnerId: 'lrn-1', name: 'Ada Lovelace', email: 'ada@example.org' },
    enrolledAt: at,
  },
  'enrolment.learner.withdrawn.v1': { ...learnerFacts, reason: 'personal', withdrawnAt: at },
  'enrolment.learner.completed.v1': { ...learnerFacts, completedAt: at },
  'enrolment.learner.transferred.v1': {
    enrolmentId: 'enr-1',
    learnerId: 'lrn-1',
    from: { credentialSpecId: 'spec-1', specVersion: 1 },
    to: { credentialSpecId: 'spec-1', specVersion: 2 },
    transferredAt: at,
  },
  'enrolment.learner.erased.v1': { learnerId: 'lrn-1', erasedAt: at },
  'assessment.result.recorded.v1': { ...result, recordedAt: at },
  'assessment.result.amended.v1': { ...result, grade: 'B', reason: 'regrading after appeal', amendedAt: at },
  'issuance.credential.issued.v1': {
    credentialId: 'urn:uuid:0197a3c4-0000-7000-8000-000000000001',
    hash: 'a'.repeat(64),
    credentialSpecId: 'spec-1',
    specVersion: 1,
    learnerId: 'lrn-1',
    awardingBodies: ['uni-a', 'uni-b'],
    awardedAt: at,
    issuedAt: at,
    status: slot,
  },
  'issuance.credential.suspended.v1': { credentialId: 'cred-1', reason: 'under investigation', status: slot },
  'issuance.credential.reinstated.v1': { credentialId: 'cred-1', reason: 'cleared', status: slot },
  'issuance.credential.signature-refused.v1': {
    credentialId: 'cred-1',
    institutionId: 'uni-b',
    code: 'definition.not-approved',
    reason: 'not on our list',
    refusedAt: at,
  },
  'issuance.credential.revoked.v1': { credentialId: 'cred-1', reason: 'result amended', supersededBy: 'cred-2', status: slot },
  'verification.credential.verified.v1': {
    verificationId: 'ver-1',
    credentialId: 'cred-1',
    verified: false,
    failedChecks: ['revoked'],
    verifiedAt: at,
  },
};
