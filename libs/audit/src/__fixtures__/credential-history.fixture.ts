import { type AuditWorld, openAuditWorld } from './audit-stores.fixture';

/** Instants of the story, a day apart, so "valid on date D" questions have clear answers. */
export const T = {
  registered: '2025-01-01T09:00:00.000Z',
  drafted: '2025-01-02T09:00:00.000Z',
  approvedA: '2025-01-03T09:00:00.000Z',
  approvedB: '2025-01-03T10:00:00.000Z',
  published: '2025-01-04T09:00:00.000Z',
  enrolled: '2025-01-05T09:00:00.000Z',
  resultA: '2025-02-01T09:00:00.000Z',
  resultB: '2025-02-02T09:00:00.000Z',
  amendedB: '2025-02-03T09:00:00.000Z',
  granted: '2025-02-04T09:00:00.000Z',
  signedA: '2025-02-04T09:00:01.000Z',
  signedB: '2025-02-05T09:00:00.000Z',
  issued: '2025-02-05T09:00:01.000Z',
  verified: '2025-02-10T09:00:00.000Z',
  suspended: '2025-03-01T09:00:00.000Z',
  reinstated: '2025-03-10T09:00:00.000Z',
  version2: '2025-04-01T09:00:00.000Z',
  revoked: '2025-05-01T09:00:00.000Z',
};

export const IDS = {
  spec: 'spec-1',
  learner: 'learner-1',
  enrolment: 'enr-1',
  award: 'award-1',
  credential: 'cred-1',
  instA: 'uni-a',
  instB: 'uni-b',
};

const admin = (institution?: string) => ({
  subject: `admin-${institution ?? 'alliance'}`,
  role: institution ? 'institution-admin' : 'alliance-admin',
  ...(institution ? { institution } : {}),
});
const registrar = (institution: string) => ({ subject: `registrar-${institution}`, role: 'registrar', institution });
const system = { subject: 'issuance-process', role: 'system' };
const vm = (inst: string) => `did:web:${inst}.example#key-1`;
const key = (inst: string) => ({
  keyId: 'key-1',
  verificationMethodId: vm(inst),
  type: 'Multikey',
  algorithm: 'Ed25519',
  publicKeyMultibase: `z${inst}`,
  custody: 'issuance-service',
  validFrom: T.registered,
});
const spec = (version: number) => ({ credentialSpecId: IDS.spec, version });

/** An issued, suspended, reinstated and finally revoked credential, with everything that led to it. */
export async function writeCredentialHistory(world: Pick<AuditWorld, 'append'>): Promise<void> {
  for (const inst of [IDS.instA, IDS.instB]) {
    await world.append(`catalogue.institution-${inst}`, [
      {
        type: 'InstitutionRegistered',
        data: { institutionId: inst, name: inst, did: `did:web:${inst}.example`, registeredAt: T.registered },
        at: T.registered,
        actor: admin(),
      },
      { type: 'SigningKeyAdded', data: { institutionId: inst, key: key(inst) }, at: T.registered, actor: admin(inst) },
    ]);
  }
  const specStream = `catalogue.credential-spec-${IDS.spec}`;
  await world.append(specStream, [
    {
      type: 'CredentialSpecDrafted',
      data: { ...spec(1), definition: { title: 'Green Skills', ects: 5 }, draftedAt: T.drafted },
      at: T.drafted,
      actor: admin(),
    },
    {
      type: 'CredentialSpecProposed',
      data: { ...spec(1), requiredApprovals: [IDS.instA, IDS.instB], proposedAt: T.drafted },
      at: T.drafted,
      actor: admin(),
    },
    {
      type: 'CredentialSpecApproved',
      data: { ...spec(1), institutionId: IDS.instA, approvedBy: 'admin-uni-a', approvedAt: T.approvedA },
      at: T.approvedA,
      actor: admin(IDS.instA),
    },
    {
      type: 'CredentialSpecApproved',
      data: { ...spec(1), institutionId: IDS.instB, approvedBy: 'admin-uni-b', approvedAt: T.approvedB },
      at: T.approvedB,
      actor: admin(IDS.instB),
    },
    {
      type: 'CredentialSpecPublished',
      data: { ...spec(1), definition: { title: 'Green Skills', ects: 5 }, publishedAt: T.published },
      at: T.published,
      actor: admin(),
    },
  ]);
  await world.append(`enrolment.learner-${IDS.learner}`, [
    {
      type: 'LearnerEnrolled',
      data: {
        learnerId: IDS.learner,
        enrolmentId: IDS.enrolment,
        credentialSpecId: IDS.spec,
        specVersion: 1,
        institutionId: IDS.instA,
        enrolledAt: T.enrolled,
      },
      at: T.enrolled,
      actor: registrar(IDS.instA),
    },
  ]);
  const result = (id: string, inst: string, grade: string, at: string) => ({
    type: 'ResultPublished',
    data: {
      resultId: id,
      enrolmentId: IDS.enrolment,
      learnerId: IDS.learner,
      credentialSpecId: IDS.spec,
      specVersion: 1,
      componentCode: `C-${inst}`,
      institutionId: inst,
      grade,
      passed: true,
      publishedAt: at,
    },
    at,
    actor: registrar(inst),
  });
  await world.append(`assessment.transcript-${IDS.enrolment}`, [
    result('res-a', IDS.instA, 'B', T.resultA),
    result('res-b', IDS.instB, 'C', T.resultB),
    {
      type: 'ResultAmended',
      data: {
        resultId: 'res-b',
        amendmentId: 'am-1',
        enrolmentId: IDS.enrolment,
        componentCode: `C-${IDS.instB}`,
        institutionId: IDS.instB,
        amendmentNumber: 1,
        reason: 'marking error',
        grade: 'A',
        passed: true,
        amendedAt: T.amendedB,
      },
      at: T.amendedB,
      actor: registrar(IDS.instB),
    },
  ]);
  await world.append(`issuance.award-${IDS.award}`, [
    {
      type: 'AwardTrackOpened',
      data: { awardId: IDS.award, enrolmentId: IDS.enrolment, specId: IDS.spec, specVersion: 1, openedAt: T.enrolled },
      at: T.enrolled,
      actor: system,
    },
    {
      type: 'AwardGranted',
      data: { awardId: IDS.award, credentialId: IDS.credential, specId: IDS.spec, specVersion: 1, awardedAt: T.granted },
      at: T.granted,
      actor: system,
    },
  ]);
  const status = { listId: 'list-1', index: 7 };
  const credential = `issuance.credential-${IDS.credential}`;
  const proof = (inst: string, at: string) => ({
    type: 'CredentialProofAdded',
    data: {
      credentialId: IDS.credential,
      institutionId: inst,
      verificationMethod: vm(inst),
      method: 'automatic',
      proof: { type: 'DataIntegrityProof', created: at, verificationMethod: vm(inst) },
    },
    at,
    actor: inst === IDS.instB ? admin(inst) : system,
  });
  await world.append(credential, [
    {
      type: 'CredentialDrafted',
      data: {
        credentialId: IDS.credential,
        awardId: IDS.award,
        specId: IDS.spec,
        specVersion: 1,
        learnerId: IDS.learner,
        awardingBodies: [
          { institutionId: IDS.instA, lead: true, signing: 'automatic' },
          { institutionId: IDS.instB, lead: false, signing: 'manual' },
        ],
        document: { id: `urn:uuid:${IDS.credential}`, validFrom: T.granted },
        cryptosuite: 'eddsa-jcs-2022',
        status,
        awardedAt: T.granted,
      },
      at: T.granted,
      actor: system,
    },
    proof(IDS.instA, T.signedA),
  ]);
  await world.append(credential, [
    proof(IDS.instB, T.signedB),
    {
      type: 'CredentialIssued',
      data: { credentialId: IDS.credential, hash: 'ab'.repeat(32), issuedAt: T.issued, status },
      at: T.issued,
      actor: system,
    },
  ]);
  await world.append(`verification.verification-v1`, [
    {
      type: 'CredentialVerified',
      data: { verificationId: 'v1', credentialId: IDS.credential, verified: true, failedChecks: [] },
      at: T.verified,
      actor: { subject: 'anonymous', role: 'public' },
    },
  ]);
  await world.append(credential, [
    {
      type: 'CredentialSuspended',
      data: { credentialId: IDS.credential, reason: 'investigation', institutionId: IDS.instA, status },
      at: T.suspended,
      actor: admin(IDS.instA),
    },
  ]);
  await world.append(credential, [
    {
      type: 'CredentialReinstated',
      data: { credentialId: IDS.credential, reason: 'cleared', institutionId: IDS.instA, status },
      at: T.reinstated,
      actor: admin(IDS.instA),
    },
  ]);
  await world.append(specStream, [
    {
      type: 'CredentialSpecVersionDrafted',
      data: { ...spec(2), basedOnVersion: 1, definition: { title: 'Green Skills', ects: 6 }, draftedAt: T.version2 },
      at: T.version2,
      actor: admin(),
    },
    {
      type: 'CredentialSpecPublished',
      data: { ...spec(2), supersedesVersion: 1, definition: { title: 'Green Skills', ects: 6 }, publishedAt: T.version2 },
      at: T.version2,
      actor: admin(),
    },
  ]);
  await world.append(credential, [
    {
      type: 'CredentialRevoked',
      data: { credentialId: IDS.credential, reason: 'academic misconduct', institutionId: IDS.instA, wasIssued: true, status },
      at: T.revoked,
      actor: admin(IDS.instA),
    },
  ]);
}

/**
 * An audit world over every store, holding the credential history above: opened before the enclosing describe block's
 * tests and closed after them. Call the function returned for the open world.
 */
export function worldWithCredentialHistory(): () => AuditWorld {
  let world: AuditWorld | undefined;
  beforeAll(async () => {
    world = await openAuditWorld();
    await writeCredentialHistory(world);
  });
  afterAll(() => world?.close());
  return () => world!;
}
