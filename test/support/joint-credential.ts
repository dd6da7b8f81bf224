import { type ProvenKey, registerInstitutionKey } from '@alliance/testing';
import { call, eventually, type Patience, token } from './scenario-http';

/**
 * The joint micro-credential every cross-service scenario works with: two member universities with
 * platform-held signing keys, one definition with a component each, published. Shared by the single-learner
 * scenario and the cohort ones so that they exercise the same definition.
 */
export interface ServiceUrls {
  catalogue: string;
  enrolment: string;
  assessment: string;
  issuance: string;
  verification: string;
}

export interface Member {
  id: string;
  did: string;
  name: string;
}

/** The component each member assesses, and a passing grade for it on the definition's 1-10 scale. */
export const COMPONENTS = [
  { code: 'RISK', title: 'Climate risk assessment', member: 0, grade: 8 },
  { code: 'DESIGN', title: 'Adaptation design studio', member: 1, grade: 9 },
] as const;

/** The Annex I elements every scenario's definition shares. */
export const DEFINITION = {
  title: 'Urban Climate Adaptation',
  description: 'Two universities teach and assess climate adaptation for cities together.',
  learningOutcomes: [
    { description: 'Assess climate risks of an urban district' },
    { description: 'Design nature-based adaptation measures' },
  ],
  ects: 4,
  eqfLevel: 7,
  assessmentType: 'Project report and oral defence',
  formOfParticipation: 'blended',
  qualityAssurance: { type: 'Internal quality assurance of the awarding universities', body: 'The Danish Accreditation Institution' },
  issuanceRule: { allComponentsPassed: true },
  gradingScheme: { type: 'numeric', minimum: 1, maximum: 10, passMark: 6 },
  languages: ['en'],
};

export async function registerMembers(urls: Pick<ServiceUrls, 'catalogue' | 'issuance'>, admin: string): Promise<Member[]> {
  const members: Member[] = [];
  for (const [name, countryCode, host] of [
    ['Aalborg University', 'DK', 'www.aau.dk'],
    ['University of Twente', 'NL', 'www.utwente.nl'],
  ] as const) {
    const member = await call<Member>(
      'POST',
      `${urls.catalogue}/institutions`,
      { name, legalName: name, countryCode, homepage: `https://${host}` },
      admin,
    );
    // The member's own admin delegates signing: issuance generates the key, keeps the private half and signs the
    // catalogue's challenge with it; the admin registers the public half with that proof, then lets issuance sign.
    const ownAdmin = await token('institution-admin', member.id);
    await registerInstitutionKey({
      catalogue: urls.catalogue,
      institutionId: member.id,
      token: ownAdmin,
      keyId: 'key-1',
      custody: 'issuance-service',
      prove: (challenge) => call<ProvenKey>('POST', `${urls.issuance}/institutions/${member.id}/signing-keys`, { challenge }, ownAdmin),
    });
    await call('PUT', `${urls.issuance}/institutions/${member.id}/signing-policy`, { policy: 'automatic' }, ownAdmin);
    members.push({ id: member.id, did: member.did, name });
  }
  return members;
}

export async function publishDefinition(catalogue: string, admin: string, members: Member[]): Promise<string> {
  const definition = {
    ...DEFINITION,
    awardingBodies: members.map((m, i) => ({ institutionId: m.id, lead: i === 0 })),
    components: COMPONENTS.map((c) => ({ code: c.code, title: c.title, institutionId: members[c.member]!.id, ects: 2 })),
  };
  const spec = await call<{ id: string }>('POST', `${catalogue}/credential-specs`, definition, admin);
  await call('POST', `${catalogue}/credential-specs/${spec.id}/propose`, undefined, admin);
  for (const inst of members)
    await call(
      'POST',
      `${catalogue}/credential-specs/${spec.id}/approvals`,
      { comment: 'approved' },
      await token('institution-admin', inst.id),
    );
  await call('POST', `${catalogue}/credential-specs/${spec.id}/publish`, undefined, admin);
  return spec.id;
}

/** Members registered with their keys and the definition published: where every scenario starts. */
export async function setUpJointCredential(
  urls: Pick<ServiceUrls, 'catalogue' | 'issuance'>,
  admin: string,
): Promise<{ members: Member[]; specId: string }> {
  const members = await registerMembers(urls, admin);
  return { members, specId: await publishDefinition(urls.catalogue, admin, members) };
}

export interface LearnerDetails {
  givenName: string;
  familyName: string;
  email: string;
}

/** The body of `POST /enrolments` for a learner enrolled by the lead institution, consent given now. */
export function enrolmentRequest(
  learner: LearnerDetails,
  specId: string,
  institutionId: string,
  enrolmentId?: string,
): Record<string, unknown> {
  return {
    learner,
    credentialSpecId: specId,
    institutionId,
    consent: { givenAt: new Date().toISOString(), textVersion: 'v1' },
    ...(enrolmentId ? { enrolmentId } : {}),
  };
}

/**
 * Enrols once enrolment knows the definition: until the catalogue's publication reaches it over the bus it
 * answers 404/409/422, so the request is repeated (with a client enrolment id it is safe to repeat).
 */
export async function enrolOnceKnown(
  enrolment: string,
  body: Record<string, unknown>,
  registrar: string,
  patience: Patience,
): Promise<{ enrolmentId: string; learnerId: string }> {
  const enrolled = await eventually(
    async () => {
      const e = await call<{ enrolmentId?: string; id?: string; learnerId?: string }>(
        'POST',
        `${enrolment}/enrolments`,
        body,
        registrar,
        [201, 404, 409, 422],
      );
      return e.learnerId ? e : undefined;
    },
    'the definition to reach enrolment',
    patience,
  );
  return { enrolmentId: (enrolled.enrolmentId ?? enrolled.id)!, learnerId: enrolled.learnerId! };
}

/** One result row as assessment takes it, alone or in a batch. */
export function resultRequest(enrolmentId: string, component: (typeof COMPONENTS)[number]): Record<string, unknown> {
  return {
    enrolmentId,
    componentCode: component.code,
    grade: component.grade,
    assessedOn: new Date().toISOString().slice(0, 10),
    assessmentType: 'Project',
    supervision: 'supervised-onsite-identity-verification',
  };
}

/**
 * Records a result once assessment knows its enrolment: until the enrolment reaches it over the bus it refuses
 * the row, so the request is repeated.
 */
export async function recordOnceKnown(
  assessment: string,
  result: Record<string, unknown>,
  registrar: string,
  patience: Patience,
  what = `the result of ${String(result['componentCode'])}`,
): Promise<void> {
  const body = JSON.stringify(result);
  const accepted = async () =>
    (
      await fetch(`${assessment}/assessment-results`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${registrar}` },
        body,
      })
    ).status < 300;
  await eventually(async () => ((await accepted()) ? true : undefined), what, patience);
}

/** Every component's result of the joint credential, each recorded by the registrar of the member that assesses it. */
export async function recordAllResults(assessment: string, enrolmentId: string, members: Member[], patience: Patience): Promise<void> {
  for (const component of COMPONENTS) {
    const registrar = await token('registrar', members[component.member]!.id);
    await recordOnceKnown(assessment, resultRequest(enrolmentId, component), registrar, patience);
  }
}

export interface CredentialListItem {
  credentialId: string;
  learnerId: string;
  lifecycle: string;
}

export async function listCredentials(
  issuance: string,
  filter: { learner?: string; specId?: string; limit?: number; offset?: number },
  bearer: string,
): Promise<{ items: CredentialListItem[]; total: number }> {
  const query = new URLSearchParams(Object.entries(filter).map(([k, v]) => [k, String(v)] as [string, string]));
  return call<{ items: CredentialListItem[]; total: number }>('GET', `${issuance}/credentials?${query.toString()}`, undefined, bearer);
}
