import type { ProtectedIdentity } from '../protected-identity';
import type { PublishedSpecVersion } from '../published-spec';
import type { Enrol } from '../learner/learner.commands';
import type { LearnerEnrolled } from '../learner/learner.events';

export const AAU = 'inst-aau';
export const DCU = 'inst-dcu';
export const KTU = 'inst-ktu';
export const SPEC = 'spec-energy';
export const BASICS = 'spec-energy-basics';
export const LEARNER = 'learner-1';
export const NOW = new Date('2026-03-01T09:00:00.000Z');

export const specVersion = (over: Partial<PublishedSpecVersion> = {}): PublishedSpecVersion => ({
  credentialSpecId: SPEC,
  version: 1,
  title: 'Sustainable energy systems',
  status: 'published',
  awardingInstitutionIds: [AAU, DCU],
  requiredCredentialSpecIds: [],
  ...over,
});

export const identity: ProtectedIdentity = {
  keyId: LEARNER,
  scheme: 'aes-256-gcm.v1',
  fields: { givenName: 'sealed:given', familyName: 'sealed:family', email: 'sealed:email' },
};

export const enrolCommand = (over: Partial<Enrol> = {}): Enrol => ({
  type: 'Enrol',
  enrolmentId: 'enr-1',
  learnerId: LEARNER,
  institutionId: AAU,
  enrolling: { institutionId: AAU, status: 'active' },
  credentialSpecId: SPEC,
  spec: specVersion(),
  identity,
  consent: { givenAt: '2026-02-28T12:00:00.000Z', textVersion: 'consent-2026-01' },
  heldCredentials: [],
  ...over,
});

export const enrolled = (over: Partial<LearnerEnrolled['data']> = {}): LearnerEnrolled => ({
  type: 'LearnerEnrolled',
  data: {
    learnerId: LEARNER,
    enrolmentId: 'enr-1',
    credentialSpecId: SPEC,
    specVersion: 1,
    institutionId: AAU,
    identity,
    consent: { givenAt: '2026-02-28T12:00:00.000Z', textVersion: 'consent-2026-01' },
    prerequisitesMet: [],
    enrolledAt: NOW.toISOString(),
    ...over,
  },
});
