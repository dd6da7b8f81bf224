import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { type RunningPlatform, startPlatform } from '../../apps/platform/src/platform';
import { COMPONENTS, DEFINITION, enrolmentRequest, enrolOnceKnown, resultRequest, setUpJointCredential } from '../support/joint-credential';
import { call, DEV_AUTH, eventually, type Patience, token } from '../support/scenario-http';

/**
 * The embedded platform (every service in this process, on the embedded defaults) under the inputs that used
 * to poison or crash it: NUL characters and unpaired surrogates in free text, path and query; a body nested
 * 100,000 levels deep; paging far out of range; a list where an object belongs; forms on JSON endpoints;
 * prototype keys; a token that never expires; a reused amendment id. Every one must be a 4xx problem+json
 * naming the field, append nothing, and leave every service ready.
 */
describe('the embedded platform under hostile input', () => {
  const SERVICES = ['catalogue', 'enrolment', 'assessment', 'issuance', 'verification', 'audit'] as const;
  type Service = (typeof SERVICES)[number];
  const dataDir = mkdtempSync(join(tmpdir(), 'hostile-input-'));
  const patience: Patience = { timeoutMs: 30_000 };
  let platform: RunningPlatform;
  let url: Record<Service, string>;
  let admin: string;
  let auditor: string;
  let registrar: string;
  let memberAdmin: string;
  let ids: { institution: string; spec: string; enrolment: string; learner: string; result: string };
  let amended: { grade: unknown };

  beforeAll(async () => {
    platform = await startPlatform({ basePort: 0, env: { DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_RATE_LIMIT_PER_MINUTE: '0' } });
    url = platform.urls as Record<Service, string>;
    [admin, auditor] = await Promise.all([token('alliance-admin'), token('auditor')]);
    const { members, specId } = await setUpJointCredential(url, admin);
    const lead = members[0]!;
    [registrar, memberAdmin] = await Promise.all([token('registrar', lead.id), token('institution-admin', lead.id)]);
    const enrolled = await enrolOnceKnown(
      url.enrolment,
      enrolmentRequest({ givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org' }, specId, lead.id),
      registrar,
      patience,
    );
    // Assessment takes the result once the enrolment reached it over the bus.
    const result = await eventually(
      async () => {
        const res = await send('POST', 'assessment', '/assessment-results', resultRequest(enrolled.enrolmentId, COMPONENTS[0]), registrar);
        return res.status === 201 ? (JSON.parse(res.text) as { resultId: string }) : undefined;
      },
      'the first result',
      patience,
    );
    amended = await call<{ grade: unknown }>(
      'POST',
      `${url.assessment}/assessment-results/${result.resultId}/amendments`,
      { amendmentId: AMENDMENT, grade: 7, reason: 'marking error found on review' },
      registrar,
    );
    ids = { institution: lead.id, spec: specId, enrolment: enrolled.enrolmentId, learner: enrolled.learnerId, result: result.resultId };
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  const AMENDMENT = '0190a3c4-0000-7000-8000-00000000a11d';
  const UNKNOWN = '0190a3c4-0000-7000-8000-0000000000ff';
  const DEEP = `{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
  const HUGE = '100000000000000000000';

  async function send(method: string, service: Service, path: string, body?: unknown, bearer?: string, contentType = 'application/json') {
    const res = await fetch(`${url[service]}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': contentType } : {}), ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  }

  /** Every stored event of every service, counted through the audit service's API. */
  async function storedEvents(): Promise<number> {
    const res = await fetch(`${url.audit}/events`, { headers: { accept: 'application/x-ndjson', authorization: `Bearer ${auditor}` } });
    expect(res.status).toBe(200);
    return (await res.text()).split('\n').filter(Boolean).length;
  }

  /** The count once the services stopped reacting to the set-up (relays, reactions, integration events). */
  async function settledEventCount(): Promise<number> {
    let last = await storedEvents();
    for (;;) {
      await new Promise((r) => setTimeout(r, 400));
      const now = await storedEvents();
      if (now === last) return now;
      last = now;
    }
  }

  type Case = [
    label: string,
    method: string,
    service: Service,
    path: () => string,
    body: () => unknown,
    bearer: () => string | undefined,
    status: number,
    field: string,
    contentType?: string,
  ];
  const credential = (subject: Record<string, unknown>) => ({
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential'],
    issuer: 'did:web:example.org',
    credentialSubject: subject,
  });
  const definitionWith = (extra: string) => () =>
    JSON.stringify({ ...DEFINITION, awardingBodies: [{ institutionId: ids.institution, lead: true }] }).replace(/}$/, `,${extra}}`);

  const cases: Case[] = [
    // A NUL in each free-text field that used to stop projections.
    [
      'NUL in a result assessor',
      'POST',
      'assessment',
      () => '/assessment-results',
      () => ({ ...resultRequest(ids.enrolment, COMPONENTS[0]), assessor: 'Dr\u0000X' }),
      () => registrar,
      400,
      'assessor',
    ],
    [
      'NUL in an amendment reason',
      'POST',
      'assessment',
      () => `/assessment-results/${ids.result}/amendments`,
      () => ({ grade: 9, reason: 're\u0000mark' }),
      () => registrar,
      400,
      'reason',
    ],
    [
      'NUL in an approval comment',
      'POST',
      'catalogue',
      () => `/credential-specs/${ids.spec}/approvals`,
      () => ({ comment: 'ok\u0000' }),
      () => memberAdmin,
      400,
      'comment',
    ],
    [
      'NUL in an institution legalName',
      'POST',
      'catalogue',
      () => '/institutions',
      () => ({ name: 'Nul U', legalName: 'Nul\u0000 University', countryCode: 'DK', homepage: 'https://nul.example' }),
      () => admin,
      400,
      'legalName',
    ],
    [
      'NUL in a definition description',
      'POST',
      'catalogue',
      () => '/credential-specs',
      definitionWith('"description":"bad\\u0000"'),
      () => admin,
      400,
      'description',
    ],
    [
      'NUL in a consent textVersion',
      'POST',
      'enrolment',
      () => '/enrolments',
      () => ({
        ...enrolmentRequest({ givenName: 'B', familyName: 'C', email: 'b@example.org' }, ids.spec, ids.institution),
        consent: { givenAt: new Date().toISOString(), textVersion: 'v1\u0000' },
      }),
      () => registrar,
      400,
      'consent.textVersion',
    ],
    [
      'NUL in a withdrawal reason',
      'POST',
      'enrolment',
      () => `/enrolments/${ids.enrolment}/withdraw`,
      () => ({ reason: 'moved\u0000' }),
      () => registrar,
      400,
      'reason',
    ],
    [
      'NUL in a suspension reason',
      'POST',
      'issuance',
      () => `/credentials/${UNKNOWN}/suspension`,
      () => ({ reason: 'fraud\u0000' }),
      () => memberAdmin,
      400,
      'reason',
    ],
    // Unpaired surrogates, which used to answer 500.
    [
      'a lone surrogate in a legalName',
      'POST',
      'catalogue',
      () => '/institutions',
      () => ({ name: 'Lone U', legalName: 'Lone \ud800 University', countryCode: 'DK', homepage: 'https://lone.example' }),
      () => admin,
      400,
      'legalName',
    ],
    [
      'a lone surrogate in an assessor',
      'POST',
      'assessment',
      () => '/assessment-results',
      () => ({ ...resultRequest(ids.enrolment, COMPONENTS[0]), assessor: '\udc00' }),
      () => registrar,
      400,
      'assessor',
    ],
    [
      'NUL in a credential to verify',
      'POST',
      'verification',
      () => '/verifications',
      () => credential({ name: 'Ada\u0000' }),
      () => undefined,
      400,
      'credentialSubject.name',
    ],
    [
      'a lone surrogate in a credential to verify',
      'POST',
      'verification',
      () => '/verifications',
      () => credential({ id: 'did:example:\ud83c' }),
      () => undefined,
      400,
      'credentialSubject.id',
    ],
    // A body nested 100,000 levels deep, on a write of every service.
    ['a deep body (catalogue)', 'POST', 'catalogue', () => '/institutions', () => DEEP, () => admin, 400, 'body'],
    ['a deep body (enrolment)', 'POST', 'enrolment', () => '/enrolments', () => DEEP, () => registrar, 400, 'body'],
    ['a deep body (assessment)', 'POST', 'assessment', () => '/assessment-results', () => DEEP, () => registrar, 400, 'body'],
    [
      'a deep body (issuance)',
      'PUT',
      'issuance',
      () => `/institutions/${ids.institution}/signing-policy`,
      () => DEEP,
      () => memberAdmin,
      400,
      'body',
    ],
    ['a deep body (verification)', 'POST', 'verification', () => '/verifications', () => DEEP, () => undefined, 400, 'body'],
    ['a deep body (audit)', 'POST', 'audit', () => '/read-model-replays', () => DEEP, () => auditor, 400, 'body'],
    // Paging far beyond range.
    ['a huge offset (institutions)', 'GET', 'catalogue', () => `/institutions?offset=${HUGE}`, () => undefined, () => admin, 400, 'offset'],
    [
      'a huge offset (definitions)',
      'GET',
      'catalogue',
      () => `/credential-specs?offset=${HUGE}`,
      () => undefined,
      () => admin,
      400,
      'offset',
    ],
    ['a huge offset (enrolments)', 'GET', 'enrolment', () => `/enrolments?offset=${HUGE}`, () => undefined, () => registrar, 400, 'offset'],
    [
      'a huge offset (results)',
      'GET',
      'assessment',
      () => `/assessment-results?offset=${HUGE}`,
      () => undefined,
      () => registrar,
      400,
      'offset',
    ],
    ['a huge offset (credentials)', 'GET', 'issuance', () => `/credentials?offset=${HUGE}`, () => undefined, () => admin, 400, 'offset'],
    // NUL in a path id or a query value.
    ['NUL as an enrolment id', 'GET', 'enrolment', () => '/enrolments/%00', () => undefined, () => registrar, 400, 'id'],
    ['NUL as a definition id', 'GET', 'catalogue', () => '/credential-specs/%00', () => undefined, () => admin, 400, 'id'],
    ['NUL as a credential id', 'GET', 'issuance', () => '/credentials/%00', () => undefined, () => admin, 400, 'id'],
    ['NUL as a stream id', 'GET', 'audit', () => '/streams/%00/state', () => undefined, () => auditor, 400, 'streamId'],
    ['NUL in a learner filter', 'GET', 'enrolment', () => '/enrolments?learner=%00', () => undefined, () => registrar, 400, 'learner'],
    ['NUL in a name filter', 'GET', 'catalogue', () => '/institutions?q=a%00', () => undefined, () => admin, 400, 'q'],
    ['NUL in a credential filter', 'GET', 'issuance', () => '/credentials?learner=%00', () => undefined, () => admin, 400, 'learner'],
    ['NUL in an event filter', 'GET', 'audit', () => '/events?stream=%00', () => undefined, () => auditor, 400, 'stream'],
    ['a malformed enrolment id', 'GET', 'enrolment', () => '/enrolments/not-an-id', () => undefined, () => registrar, 400, 'id'],
    // A list where one object belongs.
    [
      'learner sent as a list',
      'POST',
      'enrolment',
      () => '/enrolments',
      () => ({
        ...enrolmentRequest({ givenName: 'D', familyName: 'E', email: 'd@example.org' }, ids.spec, ids.institution),
        learner: [{ givenName: 'D', familyName: 'E', email: 'd@example.org' }],
      }),
      () => registrar,
      400,
      'learner',
    ],
    // Forms on JSON endpoints.
    [
      'a form to withdraw',
      'POST',
      'enrolment',
      () => `/enrolments/${ids.enrolment}/withdraw`,
      () => 'reason=moved',
      () => registrar,
      415,
      'content-type',
      'application/x-www-form-urlencoded',
    ],
    [
      'a form to erase a learner',
      'POST',
      'enrolment',
      () => `/learners/${ids.learner}/erasure`,
      () => 'reason=request',
      () => admin,
      415,
      'content-type',
      'application/x-www-form-urlencoded',
    ],
    [
      'a form to set a signing policy',
      'PUT',
      'issuance',
      () => `/institutions/${ids.institution}/signing-policy`,
      () => 'policy=manual',
      () => memberAdmin,
      415,
      'content-type',
      'application/x-www-form-urlencoded',
    ],
    // Prototype keys inside a definition.
    [
      '__proto__ in a definition',
      'POST',
      'catalogue',
      () => '/credential-specs',
      definitionWith('"__proto__":{"admin":true}'),
      () => admin,
      400,
      '__proto__',
    ],
    [
      'constructor in a definition',
      'POST',
      'catalogue',
      () => '/credential-specs',
      definitionWith('"qualityAssurance":{"type":"x","constructor":{"prototype":{"admin":true}}}'),
      () => admin,
      400,
      'qualityAssurance.constructor',
    ],
    [
      'prototype in a definition',
      'POST',
      'catalogue',
      () => '/credential-specs',
      definitionWith('"prototype":1'),
      () => admin,
      400,
      'prototype',
    ],
    // A reused amendment id with another grade.
    [
      'an amendment id reused for another grade',
      'POST',
      'assessment',
      () => `/assessment-results/${ids.result}/amendments`,
      () => ({ amendmentId: AMENDMENT, grade: 9, reason: 'marking error found on review' }),
      () => registrar,
      409,
      'amendmentId',
    ],
  ];

  it('refuses each with the right 4xx problem naming the field, appends nothing, and every service stays ready', async () => {
    const before = await settledEventCount();
    const outcomes = [];
    for (const [label, method, service, path, body, bearer, , field, contentType] of cases) {
      const res = await send(method, service, path(), body(), bearer(), contentType);
      const problem = res.type.startsWith('application/problem+json')
        ? (JSON.parse(res.text) as { errors?: { field: string }[] })
        : undefined;
      outcomes.push({
        label,
        status: res.status,
        problem: problem !== undefined,
        named: problem?.errors?.some((e) => e.field === field) ?? false,
      });
    }
    expect(outcomes).toEqual(cases.map(([label, , , , , , status]) => ({ label, status, problem: true, named: true })));

    const neverExpires = await new SignJWT({ role: 'alliance-admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setIssuer(DEV_AUTH.AUTH_ISSUER)
      .setAudience(DEV_AUTH.AUTH_AUDIENCE)
      .setIssuedAt()
      .sign(new TextEncoder().encode(DEV_AUTH.AUTH_JWT_SECRET));
    const withoutExp = await send('GET', 'enrolment', '/enrolments', undefined, neverExpires);
    expect({ status: withoutExp.status, type: withoutExp.type }).toEqual({
      status: 401,
      type: expect.stringMatching(/^application\/problem\+json/),
    });

    // The same amendment sent again is the same amendment: accepted, and nothing new is written.
    const retried = await send(
      'POST',
      'assessment',
      `/assessment-results/${ids.result}/amendments`,
      { amendmentId: AMENDMENT, grade: 7, reason: 'marking error found on review' },
      registrar,
    );
    expect(retried.status).toBe(201);
    expect(JSON.parse(retried.text)).toMatchObject({ grade: amended.grade, amended: true });

    await new Promise((r) => setTimeout(r, 500));
    expect(await storedEvents()).toBe(before);
    for (const service of SERVICES) {
      const ready = await send('GET', service, '/health/ready');
      const report = JSON.parse(ready.text) as { status: string; degraded?: string[] };
      expect({ service, status: ready.status, report: report.status, degraded: report.degraded }).toEqual({
        service,
        status: 200,
        report: 'ok',
        degraded: undefined,
      });
      const parked = JSON.parse((await send('GET', service, '/parked-events', undefined, auditor)).text) as { total: number };
      expect({ service, parked: parked.total }).toEqual({ service, parked: 0 });
    }
  }, 60_000);
});
