import { call, eventually, type Patience, token } from './scenario-http';

export interface ScenarioUrls {
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

type Credential = Record<string, unknown> & { proof?: { verificationMethod?: string }[] };
type Report = { verdict: string; failure?: { check?: string; code?: string; reason?: string }; credential?: { awardingBodies: { name: string }[] } };

/** What the scenario saw, for the caller's own assertions on top of the ones every run makes. */
export interface ScenarioOutcome {
  members: Member[];
  specId: string;
  enrolmentId: string;
  learnerId: string;
  credentialId: string;
  credential: Credential;
  valid: Report;
  revoked: Report;
  /** Every credential issuance holds for the learner once the scenario ended. */
  credentialsOfLearner: { credentialId: string; lifecycle: string }[];
}

const DEFINITION = {
  title: 'Urban Climate Adaptation',
  description: 'Two universities teach and assess climate adaptation for cities together.',
  learningOutcomes: [{ description: 'Assess climate risks of an urban district' }, { description: 'Design nature-based adaptation measures' }],
  ects: 4,
  eqfLevel: 7,
  assessmentType: 'Project report and oral defence',
  formOfParticipation: 'blended',
  qualityAssurance: { type: 'Internal quality assurance of the awarding universities', body: 'The Danish Accreditation Institution' },
  issuanceRule: { allComponentsPassed: true },
  gradingScheme: { type: 'numeric', minimum: 1, maximum: 10, passMark: 6 },
  languages: ['en'],
};

/**
 * The platform as its users meet it, over HTTP only: members and their signing keys, a joint definition
 * approved and published, an enrolment, results from both universities, the co-signed credential, and an
 * employer's verification of it before and after suspension and revocation. Runs against any deployment
 * (embedded or distributed) given the services' base URLs.
 */
export async function runCredentialScenario(urls: ScenarioUrls, patience: Patience): Promise<ScenarioOutcome> {
  const admin = await token('alliance-admin');
  const [lead, partner] = await registerMembers(urls, admin);
  const specId = await publishDefinition(urls.catalogue, admin, lead!, partner!);
  const { enrolmentId, learnerId } = await enrolAndAssess(urls, specId, lead!, partner!, patience);
  const found = await eventually(
    async () => (await listCredentials(urls.issuance, learnerId, admin)).find((c) => c.lifecycle === 'issued'),
    'the credential',
    patience,
  );
  const credential = await call<Credential>('GET', `${urls.issuance}/credentials/${found.credentialId}`, undefined, admin);
  expect(credential.type).toEqual(['VerifiableCredential', 'AchievementCredential']);
  expect(credential.proof).toHaveLength(2);
  await eventually(
    async () => ((await call<{ status: string }>('GET', `${urls.enrolment}/enrolments/${enrolmentId}`, undefined, admin)).status === 'completed' ? true : undefined),
    'the enrolment to complete',
    patience,
  );
  const { valid, revoked } = await verifyAsAnEmployer(urls, found.credentialId, credential, partner!, patience);
  const credentialsOfLearner = await listCredentials(urls.issuance, learnerId, admin);
  return { members: [lead!, partner!], specId, enrolmentId, learnerId, credentialId: found.credentialId, credential, valid, revoked, credentialsOfLearner };
}

async function registerMembers(urls: ScenarioUrls, admin: string): Promise<Member[]> {
  const members: Member[] = [];
  for (const [name, countryCode, host] of [
    ['Aalborg University', 'DK', 'www.aau.dk'],
    ['University of Twente', 'NL', 'www.utwente.nl'],
  ] as const) {
    const member = await call<Member>('POST', `${urls.catalogue}/institutions`, { name, legalName: name, countryCode, homepage: `https://${host}` }, admin);
    // Issuance generates the key and keeps the private half; the admin registers the public half in the catalogue.
    const key = await call<{ publicKeyMultibase: string }>('POST', `${urls.issuance}/institutions/${member.id}/signing-keys`, undefined, admin);
    await call('POST', `${urls.catalogue}/institutions/${member.id}/keys`, { publicKeyMultibase: key.publicKeyMultibase, custody: 'issuance-service' }, admin);
    members.push({ id: member.id, did: member.did, name });
  }
  return members;
}

async function publishDefinition(catalogue: string, admin: string, lead: Member, partner: Member): Promise<string> {
  const definition = {
    ...DEFINITION,
    awardingBodies: [
      { institutionId: lead.id, lead: true },
      { institutionId: partner.id, lead: false },
    ],
    components: [
      { code: 'RISK', title: 'Climate risk assessment', institutionId: lead.id, ects: 2 },
      { code: 'DESIGN', title: 'Adaptation design studio', institutionId: partner.id, ects: 2 },
    ],
  };
  const spec = await call<{ id: string }>('POST', `${catalogue}/credential-specs`, definition, admin);
  await call('POST', `${catalogue}/credential-specs/${spec.id}/propose`, undefined, admin);
  for (const inst of [lead, partner]) await call('POST', `${catalogue}/credential-specs/${spec.id}/approvals`, { comment: 'approved' }, await token('institution-admin', inst.id));
  await call('POST', `${catalogue}/credential-specs/${spec.id}/publish`, undefined, admin);
  return spec.id;
}

async function enrolAndAssess(urls: ScenarioUrls, specId: string, lead: Member, partner: Member, patience: Patience): Promise<{ enrolmentId: string; learnerId: string }> {
  const registrar = await token('registrar', lead.id);
  const enrol = () =>
    call<{ enrolmentId?: string; id?: string; learnerId: string }>(
      'POST',
      `${urls.enrolment}/enrolments`,
      { learner: { givenName: 'Grace', familyName: 'Hopper', email: 'grace@example.org' }, credentialSpecId: specId, institutionId: lead.id, consent: { givenAt: new Date().toISOString(), textVersion: 'v1' } },
      registrar,
      // Until the published definition reaches enrolment over the bus, it answers 404/409/422.
      [201, 404, 409, 422],
    );
  const enrolled = await eventually(
    async () => {
      const e = await enrol();
      return e.learnerId ? e : undefined;
    },
    'the definition to reach enrolment',
    patience,
  );
  const enrolmentId = (enrolled.enrolmentId ?? enrolled.id)!;
  for (const [code, inst, grade] of [
    ['RISK', lead, 8],
    ['DESIGN', partner, 9],
  ] as const) {
    const bearer = await token('registrar', inst.id);
    const result = { enrolmentId, componentCode: code, grade, assessedOn: new Date().toISOString().slice(0, 10), assessmentType: 'Project', supervision: 'supervised-onsite-identity-verification' };
    // Assessment accepts a result once the enrolment reached it over the bus.
    await eventually(async () => ((await fetch(`${urls.assessment}/assessment-results`, post(result, bearer))).status < 300 ? true : undefined), `the result of ${code}`, patience);
  }
  return { enrolmentId, learnerId: enrolled.learnerId };
}

async function verifyAsAnEmployer(urls: ScenarioUrls, credentialId: string, vc: Credential, partner: Member, patience: Patience): Promise<{ valid: Report; revoked: Report }> {
  // The employer's side: no token, just the credential.
  const verify = (credential: unknown) => call<Report>('POST', `${urls.verification}/verifications`, credential);
  const valid = await verify(vc);
  expect(valid.verdict).toBe('valid');
  expect(valid.credential!.awardingBodies.map((b) => b.name)).toEqual(['Aalborg University', 'University of Twente']);
  expect(await verify({ ...vc, name: 'Rocket Science' })).toMatchObject({ verdict: 'invalid', failure: { check: 'proofs' } });

  const partnerAdmin = await token('institution-admin', partner.id);
  await call('POST', `${urls.issuance}/credentials/${credentialId}/suspension`, { reason: 'identity check' }, partnerAdmin);
  expect(await verify(vc)).toMatchObject({ verdict: 'invalid', failure: { check: 'status', code: 'SUSPENDED' } });
  await call('POST', `${urls.issuance}/credentials/${credentialId}/revocation`, { reason: 'identity fraud' }, partnerAdmin);
  const revoked = await eventually(
    async () => {
      const r = await verify(vc);
      return r.failure?.code === 'REVOKED' && r.failure.reason?.includes('identity fraud') ? r : undefined;
    },
    'verification to learn the revocation reason',
    patience,
  );
  expect(revoked.verdict).toBe('invalid');
  return { valid, revoked };
}

async function listCredentials(issuance: string, learnerId: string, admin: string): Promise<{ credentialId: string; lifecycle: string }[]> {
  return (await call<{ items: { credentialId: string; lifecycle: string }[] }>('GET', `${issuance}/credentials?learner=${learnerId}`, undefined, admin)).items;
}

function post(body: unknown, bearer: string): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify(body) };
}
