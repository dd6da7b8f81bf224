import {
  type CredentialListItem,
  enrolmentRequest,
  enrolOnceKnown,
  listCredentials,
  type Member,
  recordAllResults,
  type ServiceUrls,
  setUpJointCredential,
} from './joint-credential';
import { call, eventually, type Patience, token } from './scenario-http';
import { readStatusAsAStandardVerifier } from './spawn-process';

/** Kept under the scenario's own name: the embedded specs import it from here. */
export type ScenarioUrls = ServiceUrls;
export type { Member };

type Credential = Record<string, unknown> & { proof?: { verificationMethod?: string }[] };
type Report = {
  verdict: string;
  failure?: { check?: string; code?: string; reason?: string };
  credential?: { awardingBodies: { name: string }[] };
};

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
  credentialsOfLearner: CredentialListItem[];
}

/**
 * The platform as its users meet it, over HTTP only: members and their signing keys, a joint definition
 * approved and published, an enrolment, results from both universities, the co-signed credential, and an
 * employer's verification of it before and after suspension and revocation. Runs against any deployment
 * (embedded or distributed) given the services' base URLs.
 */
export async function runCredentialScenario(urls: ScenarioUrls, patience: Patience): Promise<ScenarioOutcome> {
  const admin = await token('alliance-admin');
  const { members, specId } = await setUpJointCredential(urls, admin);
  const [lead, partner] = members;
  const { enrolmentId, learnerId } = await enrolAndAssess(urls, specId, lead!, partner!, patience);
  const found = await eventually(
    async () => (await credentialsOf(urls.issuance, learnerId, admin)).find((c) => c.lifecycle === 'issued'),
    'the credential',
    patience,
  );
  const credential = await call<Credential>('GET', `${urls.issuance}/credentials/${found.credentialId}`, undefined, admin);
  expect(credential.type).toEqual(['VerifiableCredential', 'AchievementCredential']);
  expect(credential.proof).toHaveLength(2);
  await eventually(
    async () =>
      (await call<{ status: string }>('GET', `${urls.enrolment}/enrolments/${enrolmentId}`, undefined, admin)).status === 'completed'
        ? true
        : undefined,
    'the enrolment to complete',
    patience,
  );
  const { valid, revoked } = await verifyAsAnEmployer(urls, found.credentialId, credential, partner!, patience);
  const credentialsOfLearner = await credentialsOf(urls.issuance, learnerId, admin);
  return {
    members: [lead!, partner!],
    specId,
    enrolmentId,
    learnerId,
    credentialId: found.credentialId,
    credential,
    valid,
    revoked,
    credentialsOfLearner,
  };
}

async function enrolAndAssess(
  urls: ScenarioUrls,
  specId: string,
  lead: Member,
  partner: Member,
  patience: Patience,
): Promise<{ enrolmentId: string; learnerId: string }> {
  const registrar = await token('registrar', lead.id);
  const enrolled = await enrolOnceKnown(
    urls.enrolment,
    enrolmentRequest({ givenName: 'Grace', familyName: 'Hopper', email: 'grace@example.org' }, specId, lead.id),
    registrar,
    patience,
  );
  const enrolmentId = enrolled.enrolmentId;
  await recordAllResults(urls.assessment, enrolmentId, [lead, partner], patience);
  return { enrolmentId, learnerId: enrolled.learnerId };
}

async function verifyAsAnEmployer(
  urls: ScenarioUrls,
  credentialId: string,
  vc: Credential,
  partner: Member,
  patience: Patience,
): Promise<{ valid: Report; revoked: Report }> {
  // The employer's side: no token, just the credential.
  const verify = (credential: unknown) => call<Report>('POST', `${urls.verification}/verifications`, credential);
  const valid = await verify(vc);
  expect(valid.verdict).toBe('valid');
  expect(valid.credential!.awardingBodies.map((b) => b.name)).toEqual(['Aalborg University', 'University of Twente']);
  expect(await verify({ ...vc, name: 'Rocket Science' })).toMatchObject({ verdict: 'invalid', failure: { check: 'proofs' } });

  // Another verifier reads the same entries: @digitalbazaar/vc-bitstring-status-list, fetching lists and DIDs over HTTP.
  const purposes = ([] as { statusPurpose?: string }[]).concat((vc.credentialStatus as never) ?? []).map((e) => e.statusPurpose);
  expect(purposes[0]).toBe('revocation');
  expect(await readStatusAsAStandardVerifier(vc)).toEqual({ verified: true, results: purposes.map((purpose) => ({ purpose, status: 0 })) });

  const partnerAdmin = await token('institution-admin', partner.id);
  if (purposes.includes('suspension')) {
    await call('POST', `${urls.issuance}/credentials/${credentialId}/suspension`, { reason: 'identity check' }, partnerAdmin);
    expect(await verify(vc)).toMatchObject({ verdict: 'invalid', failure: { check: 'status', code: 'SUSPENDED' } });
    expect((await readStatusAsAStandardVerifier(vc)).results).toEqual([
      { purpose: 'revocation', status: 0 },
      { purpose: 'suspension', status: 1 },
    ]);
  } else {
    // A credential with a revocation entry alone (the single object Open Badges 3.0.3 allows) cannot be suspended.
    const refused = await call<{ code: string }>(
      'POST',
      `${urls.issuance}/credentials/${credentialId}/suspension`,
      { reason: 'identity check' },
      partnerAdmin,
      [409],
    );
    expect(refused.code).toBe('issuance.credential.not-suspendable');
    expect(await verify(vc)).toMatchObject({ verdict: 'valid' });
  }
  await call('POST', `${urls.issuance}/credentials/${credentialId}/revocation`, { reason: 'identity fraud' }, partnerAdmin);
  const revoked = await eventually(
    async () => {
      const r = await verify(vc);
      return r.failure?.code === 'REVOKED' && r.failure.reason?.includes('identity fraud') ? r : undefined;
    },
    'verification to learn the revocation reason',
    patience,
  );
  expect((await readStatusAsAStandardVerifier(vc)).results[0]).toEqual({ purpose: 'revocation', status: 1 });
  expect(revoked.verdict).toBe('invalid');
  return { valid, revoked };
}

async function credentialsOf(issuance: string, learnerId: string, admin: string): Promise<CredentialListItem[]> {
  return (await listCredentials(issuance, { learner: learnerId }, admin)).items;
}
