import { generateEd25519KeyPair, type KeyPossessionChallenge, signKeyPossession } from '@alliance/credentials';
import { auditedEvents, type EmbeddedPlatform, startEmbeddedPlatform } from '../support/embedded-platform';
import {
  COMPONENTS,
  DEFINITION,
  enrolmentRequest,
  enrolOnceKnown,
  listCredentials,
  type Member,
  publishDefinition,
  registerMembers,
  resultRequest,
} from '../support/joint-credential';
import { call, eventually, token } from '../support/scenario-http';
import { randomBasePort } from '../support/base-port';

/**
 * Membership across the services, on the built platform as users run it: a suspended member's registrar and
 * admin are refused every action with 403 naming the standing (nothing appended, as an auditor counts), still
 * read, and act again once reinstated; what waited for it resumes. A removed member is refused everything, reads
 * included, and nothing is completed in its name. Needs `npm run build` first.
 */
type Reply = { status: number; type: string; body: Record<string, unknown> };

async function send(method: string, url: string, body: unknown, bearer: string): Promise<Reply> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

describe('membership on the embedded platform', () => {
  let p: EmbeddedPlatform;
  let admin: string;
  let A: Member;
  let B: Member;
  let specId: string;
  let proposedSpecId: string;
  let registrarA: string;
  let adminA: string;
  let registrarB: string;
  /** Learners by role in the story: their enrolment ids. */
  const enrolments: Record<string, string> = {};
  const learners: Record<string, string> = {};
  let resultOfL1: string;
  let issuedToL1: string;
  let pendingForL4: string;
  let pendingForL5: string;
  /** A catalogue challenge for A's next key, issued while A was in good standing. */
  let earlierChallenge: KeyPossessionChallenge;

  const url = (service: keyof EmbeddedPlatform['urls'], path: string) => `${p.urls[service]}${path}`;
  /** A possession challenge the catalogue issues A's admin for a key A means to add. */
  const keyChallengeOfA = async (keyId: string) =>
    (await call<{ challenge: KeyPossessionChallenge }>('POST', url('catalogue', `/institutions/${A.id}/key-challenges`), { keyId }, adminA))
      .challenge;

  async function enrol(name: string): Promise<void> {
    const body = enrolmentRequest({ givenName: name, familyName: 'Learner', email: `${name.toLowerCase()}@example.org` }, specId, A.id);
    const e = await enrolOnceKnown(p.urls.enrolment, body, registrarA, p.patience);
    enrolments[name] = e.enrolmentId;
    learners[name] = e.learnerId;
  }

  async function publishResult(name: string, component: 0 | 1): Promise<string> {
    const bearer = component === 0 ? registrarA : registrarB;
    const result = resultRequest(enrolments[name]!, COMPONENTS[component]);
    const res = await eventually(
      async () => {
        const r = await send('POST', url('assessment', '/assessment-results'), result, bearer);
        return r.status === 201 ? r : undefined;
      },
      `the ${COMPONENTS[component].code} result of ${name}`,
      p.patience,
    );
    return res.body['resultId'] as string;
  }

  async function credentialOf(name: string, lifecycle: string): Promise<string> {
    const found = await eventually(
      async () =>
        (await listCredentials(p.urls.issuance, { learner: learners[name]! }, admin)).items.find((c) => c.lifecycle === lifecycle),
      `a ${lifecycle} credential for ${name}`,
      p.patience,
    );
    return found.credentialId;
  }

  /** Until the named service refuses the probe as the standing requires (it learns membership over the bus). */
  async function untilRefused(what: string, probe: () => Promise<Reply>, code: string): Promise<void> {
    await eventually(async () => ((await probe()).body['code'] === code ? true : undefined), `${what} to answer ${code}`, p.patience);
  }

  async function untilAccepted(what: string, probe: () => Promise<Reply>, accepted: (r: Reply) => boolean): Promise<void> {
    await eventually(async () => (accepted(await probe()) ? true : undefined), `${what} to accept A again`, p.patience);
  }

  // Probes whose answer shows the service's knowledge without writing anything, whatever it knows.
  const probes = {
    enrolment: () =>
      send(
        'POST',
        url('enrolment', '/enrolments'),
        enrolmentRequest({ givenName: 'Probe', familyName: 'Only', email: 'probe@example.org' }, 'no-such-definition', A.id),
        registrarA,
      ),
    assessment: () => send('POST', url('assessment', '/assessment-results'), resultRequest('no-such-enrolment', COMPONENTS[0]), registrarA),
    issuance: () => send('PUT', url('issuance', `/institutions/${A.id}/signing-policy`), { policy: 'manual' }, adminA),
  };

  async function untilEveryServiceKnows(status: 'suspended' | 'removed'): Promise<void> {
    await untilRefused('enrolment', probes.enrolment, `enrolment.member-${status}`);
    await untilRefused('assessment', probes.assessment, `assessment.member-${status}`);
    await untilRefused('issuance', probes.issuance, `issuance.member-${status}`);
  }

  /** Every action A's registrar and admin could take, each expected to be refused. */
  function actions(credentialToSuspend: string, credentialToEndorse: string): [string, string, () => Promise<Reply>][] {
    const keyPair = generateEd25519KeyPair();
    return [
      [
        'publish a result',
        'assessment',
        () => send('POST', url('assessment', '/assessment-results'), resultRequest(enrolments['L6']!, COMPONENTS[0]), registrarA),
      ],
      [
        'upload a batch',
        'assessment',
        () =>
          send(
            'POST',
            url('assessment', '/assessment-results/batches'),
            { batchId: `refused-${Date.now()}`, results: [{ rowId: 'r1', ...resultRequest(enrolments['L6']!, COMPONENTS[0]) }] },
            registrarA,
          ),
      ],
      [
        'amend a result',
        'assessment',
        () => send('POST', url('assessment', `/assessment-results/${resultOfL1}/amendments`), { grade: 6, reason: 'remarked' }, registrarA),
      ],
      [
        'enrol a learner',
        'enrolment',
        () =>
          send(
            'POST',
            url('enrolment', '/enrolments'),
            enrolmentRequest({ givenName: 'Late', familyName: 'Comer', email: `late-${Date.now()}@example.org` }, specId, A.id),
            registrarA,
          ),
      ],
      [
        'withdraw an enrolment',
        'enrolment',
        () => send('POST', url('enrolment', `/enrolments/${enrolments['L6']}/withdraw`), { reason: 'moved away' }, registrarA),
      ],
      [
        'approve a definition',
        'catalogue',
        () => send('POST', url('catalogue', `/credential-specs/${proposedSpecId}/approvals`), { comment: 'fine' }, adminA),
      ],
      [
        'decline a definition',
        'catalogue',
        () => send('POST', url('catalogue', `/credential-specs/${proposedSpecId}/rejections`), { reason: 'not now' }, adminA),
      ],
      [
        'ask for a key challenge',
        'catalogue',
        () => send('POST', url('catalogue', `/institutions/${A.id}/key-challenges`), { keyId: `key-${Date.now()}` }, adminA),
      ],
      [
        'register a key',
        'catalogue',
        () =>
          send(
            'POST',
            url('catalogue', `/institutions/${A.id}/keys`),
            {
              keyId: earlierChallenge.keyId,
              publicKeyMultibase: keyPair.publicKeyMultibase,
              proofOfPossession: signKeyPossession(earlierChallenge, keyPair.secretKey),
            },
            adminA,
          ),
      ],
      [
        'set the signing policy',
        'issuance',
        () => send('PUT', url('issuance', `/institutions/${A.id}/signing-policy`), { policy: 'automatic' }, adminA),
      ],
      [
        'have a signing key generated',
        'issuance',
        () => send('POST', url('issuance', `/institutions/${A.id}/signing-keys`), { challenge: earlierChallenge }, adminA),
      ],
      [
        'endorse a pending credential',
        'issuance',
        () => send('POST', url('issuance', `/credentials/${credentialToEndorse}/endorsements`), {}, adminA),
      ],
      [
        'suspend a credential',
        'issuance',
        () => send('POST', url('issuance', `/credentials/${credentialToSuspend}/suspension`), { reason: 'check' }, adminA),
      ],
      [
        'revoke a credential for good',
        'issuance',
        () => send('POST', url('issuance', `/credentials/${credentialToSuspend}/revocation`), { reason: 'fraud', final: true }, adminA),
      ],
    ];
  }

  /** What A's registrar and admin read: [service, path, bearer]. */
  function staffReads(): [keyof EmbeddedPlatform['urls'], string, string][] {
    return [
      ['assessment', `/assessment-results/${resultOfL1}`, registrarA],
      ['assessment', '/assessment-results', registrarA],
      ['enrolment', `/enrolments/${enrolments['L1']}`, registrarA],
      ['enrolment', '/enrolments', adminA],
      ['issuance', `/credentials/${issuedToL1}`, adminA],
      ['issuance', `/credentials/${pendingForL4}/signatures`, adminA],
      ['issuance', `/institutions/${A.id}/signing`, adminA],
      ['catalogue', `/institutions/${A.id}`, adminA],
      ['catalogue', `/institutions/${A.id}/keys`, registrarA],
      ['catalogue', `/credential-specs/${specId}`, registrarA],
    ];
  }

  async function expectEverythingRefused(
    status: 'suspended' | 'removed',
    credentialToSuspend: string,
    credentialToEndorse: string,
  ): Promise<void> {
    const before = (await auditedEvents(p.urls.audit, { institution: A.id })).length;
    // The filter does see what A's staff did before (results, enrolments, approvals, keys, policies).
    expect(before).toBeGreaterThan(10);
    for (const [action, context, attempt] of actions(credentialToSuspend, credentialToEndorse)) {
      const r = await attempt();
      expect({ action, status: r.status, code: r.body['code'], detail: r.body['detail'] }).toEqual({
        action,
        status: 403,
        code: `${context}.member-${status}`,
        detail: expect.stringContaining(status),
      });
      expect({ action, type: r.type }).toEqual({ action, type: expect.stringMatching(/^application\/problem\+json/) });
    }
    expect((await auditedEvents(p.urls.audit, { institution: A.id })).length).toBe(before);
  }

  beforeAll(async () => {
    p = await startEmbeddedPlatform(randomBasePort(4700, 100));
    admin = await token('alliance-admin');
    [A, B] = (await registerMembers(p.urls, admin)) as [Member, Member];
    specId = await publishDefinition(p.urls.catalogue, admin, [A, B]);
    [registrarA, adminA, registrarB] = await Promise.all([
      token('registrar', A.id),
      token('institution-admin', A.id),
      token('registrar', B.id),
    ]);
    const second = {
      ...DEFINITION,
      title: 'Coastal Flood Defence',
      awardingBodies: [
        { institutionId: A.id, lead: true },
        { institutionId: B.id, lead: false },
      ],
      components: COMPONENTS.map((c) => ({ code: c.code, title: c.title, institutionId: [A, B][c.member]!.id, ects: 2 })),
    };
    proposedSpecId = (await call<{ id: string }>('POST', url('catalogue', '/credential-specs'), second, admin)).id;
    await call('POST', url('catalogue', `/credential-specs/${proposedSpecId}/propose`), undefined, admin);

    // L1 earns its credential while A is active; L2, L3 have A's result only; L6 has none.
    for (const name of ['L1', 'L2', 'L3', 'L4', 'L5', 'L6']) await enrol(name);
    resultOfL1 = await publishResult('L1', 0);
    await publishResult('L1', 1);
    issuedToL1 = await credentialOf('L1', 'issued');
    await publishResult('L2', 0);
    await publishResult('L3', 0);
    // From now on A signs by endorsement: L4's credential waits for A's admin.
    await call('PUT', url('issuance', `/institutions/${A.id}/signing-policy`), { policy: 'manual' }, adminA);
    await publishResult('L4', 0);
    await publishResult('L4', 1);
    pendingForL4 = await credentialOf('L4', 'collecting-proofs');
    earlierChallenge = await keyChallengeOfA('key-2');
  }, 240_000);
  afterAll(() => p?.close(), 30_000);

  it('answers 404 (problem+json) for the signing keys and policy of an institution nobody registered, recording nothing', async () => {
    const stranger = '0190f5a0-0000-7000-8000-00000000dead';
    const ownAdmin = await token('institution-admin', stranger);
    const challenge = {
      type: 'alliance-key-possession',
      institutionId: stranger,
      keyId: 'key-1',
      nonce: 'n'.repeat(43),
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
    };
    for (const r of [
      await send('PUT', url('issuance', `/institutions/${stranger}/signing-policy`), { policy: 'automatic' }, ownAdmin),
      await send('POST', url('issuance', `/institutions/${stranger}/signing-keys`), { challenge }, ownAdmin),
    ]) {
      expect({ status: r.status, code: r.body['code'] }).toEqual({ status: 404, code: 'issuance.institution-not-found' });
      expect(r.type).toMatch(/^application\/problem\+json/);
    }
    expect(await auditedEvents(p.urls.audit, { store: 'issuance', streamPrefix: `issuance.signer-${stranger}` })).toEqual([]);
  }, 30_000);

  // A's suspension, and L2's second result (by B) published meanwhile: each made once, by whichever block needs it
  // first, so the reinstatement cases also run alone.
  let suspension: Promise<void> | undefined;
  const suspendedOnce = () =>
    (suspension ??= (async () => {
      await call('POST', url('catalogue', `/institutions/${A.id}/suspend`), { reason: 'quality review' }, admin);
      await untilEveryServiceKnows('suspended');
    })());
  let secondResultOfL2: Promise<string> | undefined;
  const l2CompletedWhileSuspended = () => (secondResultOfL2 ??= publishResult('L2', 1));

  describe('a suspended member', () => {
    beforeAll(() => suspendedOnce(), 60_000);

    it('is refused every action of its registrar and admin with 403 naming its standing, and nothing is appended', async () => {
      await expectEverythingRefused('suspended', issuedToL1, pendingForL4);
    }, 60_000);

    it('still reads', async () => {
      for (const [service, path, bearer] of staffReads()) {
        const r = await fetch(url(service, path), { headers: { authorization: `Bearer ${bearer}` } });
        expect({ path, status: r.status }).toEqual({ path, status: 200 });
      }
      expect((await call<{ status: string }>('GET', url('catalogue', `/institutions/${A.id}`), undefined, adminA)).status).toBe(
        'suspended',
      );
    });

    it('holds its pending work: no credential is drafted for an award it co-awards, and its signature stays awaited', async () => {
      // The other member acts as usual.
      await l2CompletedWhileSuspended();
      const stream = `issuance.award-${enrolments['L2']}`;
      const events = await eventually(
        async () => {
          const e = await auditedEvents(p.urls.audit, { stream });
          return e.some(
            (x) => x.type === 'ComponentResultRecorded' && (x.data['result'] as { componentCode: string }).componentCode === 'DESIGN',
          )
            ? e
            : undefined;
        },
        'issuance to record the second result of L2',
        p.patience,
      );
      expect(events.map((e) => e.type)).not.toContain('AwardGranted');
      const signatures = await call<{ lifecycle: string; bodies: { institutionId: string; state: string }[] }>(
        'GET',
        url('issuance', `/credentials/${pendingForL4}/signatures`),
        undefined,
        admin,
      );
      expect(signatures.lifecycle).toBe('pending-signatures');
      expect(signatures.bodies.map((b) => [b.institutionId, b.state])).toEqual([
        [A.id, 'awaited'],
        [B.id, 'signed'],
      ]);
      expect((await listCredentials(p.urls.issuance, { learner: learners['L4']! }, admin)).items.map((c) => c.lifecycle)).toEqual([
        'collecting-proofs',
      ]);
    });
  });

  describe('a reinstated member', () => {
    beforeAll(async () => {
      await suspendedOnce();
      await l2CompletedWhileSuspended();
      await call('POST', url('catalogue', `/institutions/${A.id}/reinstate`), undefined, admin);
      await untilAccepted('issuance', probes.issuance, (r) => r.status === 200);
      await untilAccepted('enrolment', probes.enrolment, (r) => r.body['code'] === 'enrolment.spec-not-published');
      await untilAccepted('assessment', probes.assessment, (r) => r.body['code'] === 'assessment.enrolment-not-found');
    }, 60_000);

    it('acts again, and what waited for it is completed', async () => {
      expect(
        (await send('POST', url('catalogue', `/credential-specs/${proposedSpecId}/approvals`), { comment: 'after review' }, adminA)).status,
      ).toBeLessThan(300);
      expect(
        (
          await send(
            'POST',
            url('assessment', `/assessment-results/${resultOfL1}/amendments`),
            { grade: 9, reason: 'second marker' },
            registrarA,
          )
        ).status,
      ).toBe(201);
      const endorsed = await send('POST', url('issuance', `/credentials/${pendingForL4}/endorsements`), {}, adminA);
      expect({ status: endorsed.status, lifecycle: endorsed.body['lifecycle'] }).toEqual({ status: 201, lifecycle: 'issued' });
      // The award that waited for A is granted now; A's platform signing, switched back on, completes it.
      expect((await send('PUT', url('issuance', `/institutions/${A.id}/signing-policy`), { policy: 'automatic' }, adminA)).status).toBe(
        200,
      );
      await credentialOf('L2', 'issued');
    }, 90_000);
  });

  describe('a removed member', () => {
    beforeAll(async () => {
      await call('PUT', url('issuance', `/institutions/${A.id}/signing-policy`), { policy: 'manual' }, adminA);
      await publishResult('L5', 0);
      await publishResult('L5', 1);
      pendingForL5 = await credentialOf('L5', 'collecting-proofs');
      earlierChallenge = await keyChallengeOfA('key-3');
      await call('POST', url('catalogue', `/institutions/${A.id}/remove`), { reason: 'left the alliance' }, admin);
      await untilEveryServiceKnows('removed');
    }, 90_000);

    it('is refused everything with 403 naming its standing, and nothing is appended', async () => {
      await expectEverythingRefused('removed', pendingForL4, pendingForL5);
    }, 60_000);

    it('reads nothing either: every read of its registrar and admin is 403 naming its standing, in every service', async () => {
      for (const [service, path, bearer] of staffReads()) {
        const r = await send('GET', url(service, path), undefined, bearer);
        expect({ path, status: r.status, code: r.body['code'], detail: r.body['detail'], type: r.type }).toEqual({
          path,
          status: 403,
          code: `${service}.member-removed`,
          detail: expect.stringContaining('removed'),
          type: expect.stringMatching(/^application\/problem\+json/),
        });
      }
      // The audit service never let a member's staff read (auditors and the alliance only).
      expect((await send('GET', url('audit', `/events?institution=${A.id}`), undefined, adminA)).status).toBe(403);
      expect(await auditedEvents(p.urls.audit, { institution: A.id })).not.toEqual([]);
    }, 60_000);

    it('leaves the alliance, auditors and public routes reading as before', async () => {
      const auditor = await token('auditor');
      for (const [service, path] of staffReads()) {
        const r = await fetch(url(service, path), { headers: { authorization: `Bearer ${admin}` } });
        expect({ path, status: r.status }).toEqual({ path, status: 200 });
      }
      for (const [service, path] of [
        ['issuance', `/credentials/${issuedToL1}`],
        ['enrolment', `/learners/${learners['L1']}/audit-trail`],
      ] as const) {
        const r = await fetch(url(service, path), { headers: { authorization: `Bearer ${auditor}` } });
        expect({ path, status: r.status }).toEqual({ path, status: 200 });
      }
      // Public routes answer a removed member's admin as they answer anyone: the token is not even looked at.
      for (const [service, path] of [
        ['catalogue', '/trust-list'],
        ['catalogue', `/institutions/${A.id}/did.json`],
        ['issuance', '/contexts'],
      ] as const) {
        const anyone = await fetch(url(service, path));
        const removedAdmin = await fetch(url(service, path), { headers: { authorization: `Bearer ${adminA}` } });
        expect({ path, status: removedAdmin.status }).toEqual({ path, status: anyone.status });
        expect({ path, status: removedAdmin.status }).not.toEqual({ path, status: 403 });
      }
      expect((await fetch(url('catalogue', '/trust-list'))).status).toBe(200);
    }, 60_000);

    it('completes nothing in its name: its awaited signature never comes, no award naming it is granted', async () => {
      await publishResult('L3', 1);
      const events = await eventually(
        async () => {
          const e = await auditedEvents(p.urls.audit, { stream: `issuance.award-${enrolments['L3']}` });
          return e.some(
            (x) => x.type === 'ComponentResultRecorded' && (x.data['result'] as { componentCode: string }).componentCode === 'DESIGN',
          )
            ? e
            : undefined;
        },
        'issuance to record the second result of L3',
        p.patience,
      );
      expect(events.map((e) => e.type)).not.toContain('AwardGranted');
      const proofs = (
        await auditedEvents(p.urls.audit, { stream: `issuance.credential-${pendingForL5}`, type: 'CredentialProofAdded' })
      ).map((e) => e.data['institutionId']);
      expect(proofs).toEqual([B.id]);
      expect((await listCredentials(p.urls.issuance, { learner: learners['L5']! }, admin)).items.map((c) => c.lifecycle)).toEqual([
        'collecting-proofs',
      ]);
      // Removal is for good: the alliance cannot reinstate it either.
      expect((await send('POST', url('catalogue', `/institutions/${A.id}/reinstate`), undefined, admin)).status).toBe(409);
    }, 60_000);
  });
});
