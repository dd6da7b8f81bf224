import { randomUUID } from 'node:crypto';
import {
  credentialSpecPublishedV1,
  type CredentialSpecPublishedV1,
  institutionKeyAddedV1,
  institutionKeyRotatedV1,
  institutionRegisteredV1,
  learnerEnrolledV1,
  resultAmendedV1,
  resultRecordedV1,
} from '@alliance/contracts';
import type { IntegrationMessage } from '@alliance/messaging';

export const UNI_A = '0190f5a0-0000-7000-8000-0000000000aa';
export const UNI_B = '0190f5a0-0000-7000-8000-0000000000bb';
export const UNI_C = '0190f5a0-0000-7000-8000-0000000000cc';
export const SPEC = 'spec-sustainable-energy';

const envelope = () => ({ eventId: randomUUID(), occurredAt: new Date().toISOString(), correlationId: randomUUID() });

export const MEMBERS = {
  [UNI_A]: {
    name: 'Aalborg Technical University',
    legalName: 'Aalborg Tekniske Universitet',
    countryCode: 'DK',
    did: 'did:web:aau.alliance.example',
  },
  [UNI_B]: {
    name: 'Hamburg University of Technology',
    legalName: 'Technische Universität Hamburg',
    countryCode: 'DE',
    did: 'did:web:tuhh.alliance.example',
  },
  [UNI_C]: { name: 'Dublin City University', legalName: 'Dublin City University', countryCode: 'IE', did: 'did:web:dcu.alliance.example' },
} as const;

/** Catalogue, enrolment and assessment facts as those services publish them, for feeding issuance in tests. */

/** A member's Ed25519 key held by the issuance service, as the catalogue announces it (without its validity). */
const platformHeldKey = (id: keyof typeof MEMBERS, keyId: string, publicKeyMultibase: string) => ({
  keyId,
  verificationMethodId: `${MEMBERS[id].did}#${keyId}`,
  type: 'Multikey' as const,
  algorithm: 'Ed25519' as const,
  publicKeyMultibase,
  custody: 'issuance-service' as const,
});

/** What a recorded and an amended result of `componentCode` (SES-1 assessed by A, SES-2 by B) both state; 5 passes. */
const resultFacts = (enrolmentId: string, learnerId: string, componentCode: string, grade: number, specId: string) => ({
  resultId: `${enrolmentId}-${componentCode}`,
  enrolmentId,
  learnerId,
  credentialSpecId: specId,
  specVersion: 1,
  componentCode,
  institutionId: componentCode === 'SES-1' ? UNI_A : UNI_B,
  passed: grade >= 5,
  grade,
  assessedAt: new Date().toISOString(),
});

export const messages = {
  institutionRegistered(id: keyof typeof MEMBERS): IntegrationMessage {
    const m = MEMBERS[id];
    return institutionRegisteredV1.message(
      { institutionId: id, ...m, homepage: `https://${m.did.slice(8)}`, registeredAt: '2025-01-01T00:00:00.000Z' },
      envelope(),
    );
  },
  keyAdded(
    id: keyof typeof MEMBERS,
    publicKeyMultibase: string,
    keyId = 'key-1',
    validFrom = new Date(Date.now() - 60_000).toISOString(),
    validUntil?: string,
  ): IntegrationMessage {
    return institutionKeyAddedV1.message(
      {
        institutionId: id,
        key: { ...platformHeldKey(id, keyId, publicKeyMultibase), validFrom, ...(validUntil ? { validUntil } : {}) },
      },
      envelope(),
    );
  },
  keyRotated(
    id: keyof typeof MEMBERS,
    previousKeyId: string,
    previousValidUntil: string,
    publicKeyMultibase: string,
    keyId: string,
  ): IntegrationMessage {
    return institutionKeyRotatedV1.message(
      {
        institutionId: id,
        previousKeyId,
        previousValidUntil,
        newKey: { ...platformHeldKey(id, keyId, publicKeyMultibase), validFrom: previousValidUntil },
      },
      envelope(),
    );
  },
  specPublished(overrides: Partial<CredentialSpecPublishedV1> = {}): IntegrationMessage {
    const body = (id: keyof typeof MEMBERS, lead: boolean) => ({
      institutionId: id,
      lead,
      ...MEMBERS[id],
      homepage: `https://${MEMBERS[id].did.slice(8)}`,
    });
    const component = (code: string, id: keyof typeof MEMBERS, title: string) => ({
      code,
      title,
      institutionId: id,
      institutionDid: MEMBERS[id].did,
      institutionName: MEMBERS[id].name,
      ects: 3,
    });
    return credentialSpecPublishedV1.message(
      {
        credentialSpecId: SPEC,
        version: 1,
        publishedAt: '2025-06-01T00:00:00.000Z',
        title: 'Sustainable Energy Systems',
        description: 'Energy markets and grid integration, taught jointly.',
        learningOutcomes: [
          { description: 'Explain how wholesale electricity markets clear' },
          { description: 'Assess grid integration of variable renewables' },
        ],
        ects: 6,
        eqfLevel: 7,
        qfEheaCycle: 'second-cycle',
        assessmentType: 'Written examination and project report',
        formOfParticipation: 'blended',
        qualityAssurance: { type: 'Internal quality assurance of the awarding universities', body: 'Danish Accreditation Institution' },
        awardingBodies: [body(UNI_A, true), body(UNI_B, false)],
        components: [component('SES-1', UNI_A, 'Energy markets'), component('SES-2', UNI_B, 'Grid integration')],
        issuanceRule: { allComponentsPassed: true, minimumGrade: 6 },
        languages: ['en'],
        gradingScheme: { type: 'numeric', minimum: 0, maximum: 10, passMark: 5 },
        stackParts: [],
        ...overrides,
      } as CredentialSpecPublishedV1,
      envelope(),
    );
  },
  /** `person` names the learner and their address (Ada Lovelace at ada@example.org unless given). */
  enrolled(enrolmentId: string, learnerId: string, specId = SPEC, person: { name?: string; email?: string } = {}): IntegrationMessage {
    return learnerEnrolledV1.message(
      {
        enrolmentId,
        learnerId,
        learner: { learnerId, name: person.name ?? 'Ada Lovelace', email: person.email ?? 'ada@example.org' },
        credentialSpecId: specId,
        specVersion: 1,
        enrolledAt: new Date(Date.now() - 86_400_000).toISOString(),
      },
      envelope(),
    );
  },
  result(enrolmentId: string, learnerId: string, componentCode: string, grade: number, specId = SPEC): IntegrationMessage {
    return resultRecordedV1.message(
      { ...resultFacts(enrolmentId, learnerId, componentCode, grade, specId), recordedAt: new Date().toISOString() },
      envelope(),
    );
  },
  amended(enrolmentId: string, learnerId: string, componentCode: string, grade: number, reason: string): IntegrationMessage {
    return resultAmendedV1.message(
      { ...resultFacts(enrolmentId, learnerId, componentCode, grade, SPEC), reason, amendedAt: new Date().toISOString() },
      envelope(),
    );
  },
};
