import { SignJWT } from 'jose';
import type { EmbeddedPlatform } from '../../support/embedded-platform';
import {
  COMPONENTS,
  enrolmentRequest,
  enrolOnceKnown,
  listCredentials,
  resultRequest,
  setUpJointCredential,
} from '../../support/joint-credential';
import { call, DEV_AUTH, eventually, token } from '../../support/scenario-http';

/** Who a fuzz case claims to be: nobody, a broken or expired token, or one of the seeded actors. */
export const CALLERS = [
  'none',
  'garbage',
  'expired',
  'wrong-secret',
  'unsigned',
  'alliance-admin',
  'auditor',
  'learner',
  'lead-admin',
  'lead-registrar',
  'partner-admin',
  'partner-registrar',
  'outsider-admin',
  'outsider-registrar',
  'unknown-institution-admin',
] as const;
export type Caller = (typeof CALLERS)[number];

/** The role each seeded caller holds (the broken tokens hold none). */
export const CALLER_ROLES: Partial<Record<Caller, string>> = {
  'alliance-admin': 'alliance-admin',
  auditor: 'auditor',
  learner: 'learner',
  'lead-admin': 'institution-admin',
  'lead-registrar': 'registrar',
  'partner-admin': 'institution-admin',
  'partner-registrar': 'registrar',
  'outsider-admin': 'institution-admin',
  'outsider-registrar': 'registrar',
  'unknown-institution-admin': 'institution-admin',
};

/** What the platform holds after seeding: the ids a fuzz case can aim at, and a valid body for the writes that need one. */
export interface FuzzWorld {
  urls: EmbeddedPlatform['urls'];
  tokens: Record<Caller, string | undefined>;
  ids: {
    lead: string;
    partner: string;
    outsider: string;
    spec: string;
    enrolment: string;
    learner: string;
    results: string[];
    credential: string;
    statusList: string;
    keyId: string;
    contexts: { name: string; version: string }[];
    streams: string[];
  };
  credential: Record<string, unknown>;
}

/**
 * Seeds what a user of the platform would have after a term: two members with platform-held keys, a third
 * member that awards nothing, a published joint definition, an enrolment with both results (one amended),
 * and the co-signed credential that followed.
 */
export async function seedWorld(platform: EmbeddedPlatform): Promise<FuzzWorld> {
  const { urls, patience } = platform;
  const admin = await token('alliance-admin');
  const { members, specId } = await setUpJointCredential(urls, admin);
  const [lead, partner] = [members[0]!, members[1]!];
  const outsider = await call<{ id: string }>(
    'POST',
    `${urls.catalogue}/institutions`,
    { name: 'Outside University', legalName: 'Outside University', countryCode: 'FR', homepage: 'https://outside.example' },
    admin,
  );
  const registrars = [await token('registrar', lead.id), await token('registrar', partner.id)];
  const enrolled = await enrolOnceKnown(
    urls.enrolment,
    enrolmentRequest({ givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org' }, specId, lead.id),
    registrars[0]!,
    patience,
  );
  const results: string[] = [];
  for (const component of COMPONENTS) {
    const bearer = registrars[component.member]!;
    const result = await eventually(
      async () => {
        const res = await call<{ resultId?: string }>(
          'POST',
          `${urls.assessment}/assessment-results`,
          resultRequest(enrolled.enrolmentId, component),
          bearer,
          [201, 404, 409, 422],
        );
        return res.resultId;
      },
      `the result of ${component.code}`,
      patience,
    );
    results.push(result);
  }
  await call(
    'POST',
    `${urls.assessment}/assessment-results/${results[0]}/amendments`,
    { amendmentId: '0190a3c4-0000-7000-8000-00000000f022', grade: 9, reason: 'second marker agreed a higher grade' },
    registrars[0],
  );
  const issued = await eventually(
    async () => (await listCredentials(urls.issuance, { learner: enrolled.learnerId }, admin)).items.find((c) => c.lifecycle === 'issued'),
    'the credential',
    patience,
  );
  const credential = await call<Record<string, unknown>>('GET', `${urls.issuance}/credentials/${issued.credentialId}`, undefined, admin);
  const status = ([] as { statusListCredential?: string }[]).concat((credential.credentialStatus as never) ?? []);
  const served = await call<{ contexts: { url: string }[] }>('GET', `${urls.issuance}/contexts`);
  return {
    urls,
    tokens: await callerTokens({ lead: lead.id, partner: partner.id, outsider: outsider.id }),
    ids: {
      lead: lead.id,
      partner: partner.id,
      outsider: outsider.id,
      spec: specId,
      enrolment: enrolled.enrolmentId,
      learner: enrolled.learnerId,
      results,
      credential: issued.credentialId,
      statusList: status[0]?.statusListCredential?.split('/').pop() ?? issued.credentialId,
      keyId: 'key-1',
      contexts: served.contexts.map((c) => {
        const [name = '', version = ''] = new URL(c.url).pathname.split('/contexts/')[1]?.split('/') ?? [];
        return { name, version };
      }),
      streams: [
        `catalogue.institution-${lead.id}`,
        `catalogue.credential-spec-${specId}`,
        `enrolment.enrolment-${enrolled.enrolmentId}`,
        `issuance.credential-${issued.credentialId}`,
      ],
    },
    credential,
  };
}

async function callerTokens(institutions: {
  lead: string;
  partner: string;
  outsider: string;
}): Promise<Record<Caller, string | undefined>> {
  const now = Math.floor(Date.now() / 1000);
  const signed = (secret: string, claims: { exp: number }) =>
    new SignJWT({ role: 'alliance-admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setIssuer(DEV_AUTH.AUTH_ISSUER)
      .setAudience(DEV_AUTH.AUTH_AUDIENCE)
      .setIssuedAt(claims.exp - 3600)
      .setExpirationTime(claims.exp)
      .sign(new TextEncoder().encode(secret));
  const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(
    JSON.stringify({ sub: 'mallory', role: 'alliance-admin', iss: DEV_AUTH.AUTH_ISSUER, aud: DEV_AUTH.AUTH_AUDIENCE, exp: now + 600 }),
  ).toString('base64url');
  return {
    none: undefined,
    garbage: 'not.a.token',
    expired: await signed(DEV_AUTH.AUTH_JWT_SECRET, { exp: now - 60 }),
    'wrong-secret': await signed('another-secret-of-sufficient-length-000000', { exp: now + 600 }),
    unsigned: `${header}.${payload}.`,
    'alliance-admin': await token('alliance-admin'),
    auditor: await token('auditor'),
    learner: await token('learner'),
    'lead-admin': await token('institution-admin', institutions.lead),
    'lead-registrar': await token('registrar', institutions.lead),
    'partner-admin': await token('institution-admin', institutions.partner),
    'partner-registrar': await token('registrar', institutions.partner),
    'outsider-admin': await token('institution-admin', institutions.outsider),
    'outsider-registrar': await token('registrar', institutions.outsider),
    'unknown-institution-admin': await token('institution-admin', '0190a3c4-0000-7000-8000-0000000000aa'),
  };
}
