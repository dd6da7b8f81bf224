import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSoftHsmToken, softHsmModulePath } from '@alliance/signer';
import { DEFINITION, recordOnceKnown } from '../support/joint-credential';
import { call, DEV_AUTH, eventually, type Patience, token } from '../support/scenario-http';
import { builtMain, runNode, spawnNode, type SpawnedProcess } from '../support/spawn-process';

/**
 * Three universities, each with its own signer process (one keeps its key in SoftHSM2 through PKCS#11, two in
 * encrypted key files), co-sign a cohort's credentials on the built embedded platform. Nothing is mocked: the
 * platform, the signers, the HSM and the HTTP between them are the real ones.
 */
const MEMBERS = [
  { name: 'Aalborg University', countryCode: 'DK', homepage: 'https://www.aau.dk', component: 'RISK', store: 'pkcs11' },
  { name: 'University of Twente', countryCode: 'NL', homepage: 'https://www.utwente.nl', component: 'DESIGN', store: 'file' },
  { name: 'Tampere University', countryCode: 'FI', homepage: 'https://www.tuni.fi', component: 'IMPACT', store: 'file' },
] as const;
const COHORT = Number(process.env['SIGNER_E2E_COHORT'] ?? 10);
const hsm = softHsmModulePath();
const describeWithHsm = hsm ? describe : describe.skip;
if (!hsm) console.warn('institution-signers e2e skipped: SoftHSM2 is not installed (apt-get install softhsm2; .ci/run installs it)');

type Member = { id: string; did: string; name: string };
type Signatures = {
  lifecycle: string;
  held: boolean;
  bodies: { institutionId: string; state: string; signedWith?: string; refusal?: { code: string; reason: string } }[];
};
type LogEntry = { type: string; credentialId: string };

function definition(title: string, members: Member[]) {
  return {
    ...DEFINITION,
    title,
    description: `${title}: three universities teach and assess it together.`,
    ects: 6,
    awardingBodies: members.map((m, i) => ({ institutionId: m.id, lead: i === 0 })),
    components: MEMBERS.map((m, i) => ({ code: m.component, title: `${m.component} studio`, institutionId: members[i]!.id, ects: 2 })),
  };
}

describeWithHsm('institution-run signers (built platform, three signer processes, SoftHSM2)', () => {
  const root = mkdtempSync(join(tmpdir(), 'signers-e2e-'));
  const basePort = 6100 + Math.floor(Math.random() * 100) * 10;
  const url = {
    catalogue: `http://127.0.0.1:${basePort}`,
    enrolment: `http://127.0.0.1:${basePort + 1}`,
    assessment: `http://127.0.0.1:${basePort + 2}`,
    issuance: `http://127.0.0.1:${basePort + 3}`,
    verification: `http://127.0.0.1:${basePort + 4}`,
    audit: `http://127.0.0.1:${basePort + 5}`,
  };
  let platform: SpawnedProcess;
  const signers: (SpawnedProcess | undefined)[] = [];
  const signerEnv: NodeJS.ProcessEnv[] = [];
  const patience: Patience = {
    timeoutMs: 120_000,
    diagnostics: () => [platform?.output().slice(-4000), ...signers.map((s) => s?.output().slice(-1500))].join('\n---\n'),
  };

  afterAll(async () => {
    for (const s of signers) s?.child.kill('SIGTERM');
    platform?.child.kill('SIGTERM');
    await Promise.all([platform?.exited, ...signers.map((s) => s?.exited)]);
    rmSync(root, { recursive: true, force: true });
  });

  const startSigner = (i: number) => {
    signers[i] = spawnNode(builtMain('signer'), [], signerEnv[i]!);
    return signers[i]!.waitFor(/signer started/, 60_000);
  };
  const signedLog = (i: number): LogEntry[] =>
    readFileSync(join(root, `signer-${i}`, 'signature-log.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as LogEntry)
      .filter((e) => e.type === 'signed');

  it('co-signs a cohort: none issued before all three proofs, none signed twice, a killed signer resumes, a refusal holds only its credential', async () => {
    // The scenario polls the public verification API faster than the anonymous per-address budget allows.
    platform = spawnNode(builtMain('platform'), [], {
      ...DEV_AUTH,
      DATA_DIR: join(root, 'platform'),
      PLATFORM_BASE_PORT: String(basePort),
      LOG_LEVEL: 'warn',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
    });
    await platform.waitFor(/"msg":"platform ready"/, 150_000);
    const admin = await token('alliance-admin');

    // The alliance registers three members: each stays pending until its own admin enrols a signer.
    const members: Member[] = [];
    for (const m of MEMBERS)
      members.push({
        ...(await call<Member>(
          'POST',
          `${url.catalogue}/institutions`,
          { name: m.name, legalName: m.name, countryCode: m.countryCode, homepage: m.homepage },
          admin,
        )),
        name: m.name,
      });
    const pending = await call<{ status: string }>('GET', `${url.catalogue}/institutions/${members[0]!.id}`, undefined, admin);
    expect(pending.status).toBe('pending');

    const token0 = await createSoftHsmToken({ directory: join(root, 'hsm'), label: 'aau-signing' });
    for (const [i, m] of MEMBERS.entries()) {
      const dataDir = join(root, `signer-${i}`);
      mkdirSync(dataDir, { recursive: true });
      signerEnv[i] = {
        SIGNER_INSTITUTION_ID: members[i]!.id,
        SIGNER_KEY_ID: `signer-${i + 1}`,
        SIGNER_ISSUANCE_URL: url.issuance,
        SIGNER_CATALOGUE_URL: url.catalogue,
        SIGNER_DATA_DIR: dataDir,
        SIGNER_POLL_MS: '200',
        LOG_LEVEL: 'info',
        ...(m.store === 'pkcs11'
          ? {
              SIGNER_KEY_STORE: 'pkcs11',
              SIGNER_PKCS11_MODULE: token0.modulePath,
              SIGNER_PKCS11_TOKEN: token0.tokenLabel,
              SIGNER_PKCS11_PIN: token0.pin,
              ...token0.env,
            }
          : { SIGNER_KEY_STORE: 'file', SIGNER_KEY_PASSPHRASE: `passphrase of ${m.name}` }),
      };
      const init = await runNode(builtMain('cli'), ['signer', 'init'], {
        ...DEV_AUTH,
        ...signerEnv[i],
        ALLIANCE_ADMIN_TOKEN: await token('institution-admin', members[i]!.id),
      });
      expect({ code: init.code, output: init.code === 0 ? '' : init.output }).toEqual({ code: 0, output: '' });
      expect(JSON.parse(init.stdout)).toMatchObject({
        institutionId: members[i]!.id,
        verificationMethodId: `${members[i]!.did}#signer-${i + 1}`,
      });
    }
    const activated = await call<{ status: string; keys: { custody: string }[] }>(
      'GET',
      `${url.catalogue}/institutions/${members[0]!.id}`,
      undefined,
      admin,
    );
    expect(activated).toMatchObject({ status: 'active', keys: [{ custody: 'institution' }] });

    // Two definitions; the third university's own policy lists only the first as approved.
    const specs: string[] = [];
    for (const title of ['Urban Climate Adaptation', 'Coastal Flood Engineering']) {
      const spec = await call<{ id: string }>('POST', `${url.catalogue}/credential-specs`, definition(title, members), admin);
      await call('POST', `${url.catalogue}/credential-specs/${spec.id}/propose`, undefined, admin);
      for (const m of members)
        await call(
          'POST',
          `${url.catalogue}/credential-specs/${spec.id}/approvals`,
          { comment: 'approved' },
          await token('institution-admin', m.id),
        );
      await call('POST', `${url.catalogue}/credential-specs/${spec.id}/publish`, undefined, admin);
      specs.push(spec.id);
    }
    const policyFile = join(root, 'tampere-policy.json');
    writeFileSync(policyFile, JSON.stringify({ approvedDefinitions: [specs[0]] }));
    signerEnv[2] = { ...signerEnv[2], SIGNER_POLICY_FILE: policyFile };
    await Promise.all([0, 1, 2].map(startSigner));

    const enrol = async (specId: string, n: number) => {
      const registrar = await token('registrar', members[0]!.id);
      const body = {
        learner: { givenName: `Learner${n}`, familyName: 'Cohort', email: `learner${n}@example.org` },
        credentialSpecId: specId,
        institutionId: members[0]!.id,
        consent: { givenAt: new Date().toISOString(), textVersion: 'v1' },
      };
      return eventually(
        async () => {
          const res = await fetch(`${url.enrolment}/enrolments`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${registrar}` },
            body: JSON.stringify(body),
          });
          const json = (await res.json()) as { enrolmentId?: string; id?: string; learnerId?: string };
          return res.status === 201 ? { enrolmentId: (json.enrolmentId ?? json.id)!, learnerId: json.learnerId! } : undefined;
        },
        'the definition to reach enrolment',
        patience,
      );
    };
    const assess = async (enrolmentId: string) => {
      for (const [i, m] of MEMBERS.entries()) {
        const registrar = await token('registrar', members[i]!.id);
        const result = {
          enrolmentId,
          componentCode: m.component,
          grade: 8,
          assessedOn: new Date().toISOString().slice(0, 10),
          assessmentType: 'Project',
          supervision: 'supervised-onsite-identity-verification',
        };
        await recordOnceKnown(url.assessment, result, registrar, patience);
      }
    };
    const credentialOf = (learnerId: string) =>
      eventually(
        async () =>
          (
            await call<{ items: { credentialId: string; lifecycle: string }[] }>(
              'GET',
              `${url.issuance}/credentials?learner=${learnerId}`,
              undefined,
              admin,
            )
          ).items[0],
        'the credential draft',
        patience,
      );
    const signatures = (credentialId: string) =>
      call<Signatures>('GET', `${url.issuance}/credentials/${credentialId}/signatures`, undefined, admin);

    // First half of the cohort flows through all three signers.
    const learners = [];
    for (let n = 0; n < COHORT; n++) learners.push(await enrol(specs[0]!, n));
    const half = Math.ceil(COHORT / 2);
    for (const l of learners.slice(0, half)) await assess(l.enrolmentId);
    await eventually(async () => (signedLog(1).length >= 1 ? true : undefined), 'the Twente signer to sign', patience);

    // Twente's signer dies without warning; the rest of the cohort is assessed while it is down.
    signers[1]!.child.kill('SIGKILL');
    await signers[1]!.exited;
    const signedBeforeKill = signedLog(1).length;
    for (const l of learners.slice(half)) await assess(l.enrolmentId);
    const late = await Promise.all(learners.slice(half).map((l) => credentialOf(l.learnerId)));
    await eventually(
      async () => {
        const states = await Promise.all(late.map((c) => signatures(c.credentialId)));
        return states.every((s) => s.bodies.filter((b) => b.state === 'signed').length === 2) ? states : undefined;
      },
      'the two running signers to sign the late credentials',
      patience,
    );
    for (const c of late) {
      const s = await signatures(c.credentialId);
      // Not issued early: Twente's proof is missing, so the credential waits, and says for whom.
      expect(s.lifecycle).toBe('pending-signatures');
      expect(s.bodies.find((b) => b.institutionId === members[1]!.id)).toMatchObject({ state: 'awaited' });
    }

    await startSigner(1);
    const credentials = await Promise.all(learners.map((l) => credentialOf(l.learnerId)));
    await eventually(
      async () => {
        const states = await Promise.all(credentials.map((c) => signatures(c.credentialId)));
        return states.every((s) => s.lifecycle === 'issued') ? true : undefined;
      },
      'every credential of the cohort to be issued',
      patience,
    );

    for (const c of credentials) {
      const s = await signatures(c.credentialId);
      expect(s.bodies.map((b) => [b.state, b.signedWith])).toEqual([
        ['signed', 'institution-signer'],
        ['signed', 'institution-signer'],
        ['signed', 'institution-signer'],
      ]);
      const events = await call<{ items: { event: { type: string } }[] }>(
        'GET',
        `${url.audit}/events?stream=issuance.credential-${c.credentialId}&limit=100`,
        undefined,
        admin,
      );
      const types = events.items.map((e) => e.event.type);
      // Exactly one proof per awarding body, and the credential issued only after the third.
      expect(types.filter((t) => t === 'CredentialProofAdded')).toHaveLength(3);
      expect(types.filter((t) => t === 'CredentialIssued')).toHaveLength(1);
      expect(types.lastIndexOf('CredentialProofAdded')).toBeLessThan(types.indexOf('CredentialIssued'));
    }
    // No signer signed any credential twice, the killed one included.
    for (const i of [0, 1, 2]) {
      const ids = signedLog(i).map((e) => e.credentialId);
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(signedLog(1).length).toBeGreaterThan(signedBeforeKill);

    // An employer's verifier sees three proofs from the universities' own keys.
    const vc = await call<{ proof: { verificationMethod: string }[] }>(
      'GET',
      `${url.issuance}/credentials/${credentials[0]!.credentialId}`,
      undefined,
      admin,
    );
    expect(vc.proof.map((p) => p.verificationMethod).sort()).toEqual(members.map((m, i) => `${m.did}#signer-${i + 1}`).sort());
    // The lead's signer signs its status list too (it is the list's issuer); until then the status is unknown.
    const report = await eventually(
      async () => {
        const r = await call<{ verdict: string; failure?: unknown; credential: { awardingBodies: { signing?: string }[] } }>(
          'POST',
          `${url.verification}/verifications`,
          vc,
        );
        return r.verdict === 'indeterminate' ? undefined : r;
      },
      'the status list signed by the lead university',
      patience,
    );
    expect({ verdict: report.verdict, failure: report.failure }).toEqual({ verdict: 'valid', failure: undefined });
    expect(report.credential.awardingBodies.map((b) => b.signing)).toEqual(['own key', 'own key', 'own key']);

    // The second definition is not on Tampere's own list: its signer refuses, the credential is held with the reason.
    const outsider = await enrol(specs[1]!, 99);
    await assess(outsider.enrolmentId);
    const held = await credentialOf(outsider.learnerId);
    const refusal = await eventually(
      async () => {
        const s = await signatures(held.credentialId);
        return s.held ? s : undefined;
      },
      'the Tampere signer to refuse',
      patience,
    );
    expect(refusal.lifecycle).toBe('pending-signatures');
    expect(refusal.bodies.find((b) => b.institutionId === members[2]!.id)).toMatchObject({
      state: 'refused',
      refusal: { code: 'definition.not-approved' },
    });
    const listed = await call<{ items: { credentialId: string }[] }>('GET', `${url.issuance}/signature-refusals`, undefined, admin);
    expect(listed.items.map((i) => i.credentialId)).toContain(held.credentialId);

    // The alliance admin can neither sign for a member nor touch its keys.
    const before = await call<unknown[]>('GET', `${url.catalogue}/institutions/${members[1]!.id}/keys`, undefined, admin);
    const attempts: [string, string, unknown][] = [
      ['POST', `${url.catalogue}/institutions/${members[1]!.id}/key-challenges`, { keyId: 'forged' }],
      ['POST', `${url.catalogue}/institutions/${members[1]!.id}/keys/signer-2/revoke`, { reason: 'takeover' }],
      [
        'POST',
        `${url.issuance}/institutions/${members[1]!.id}/signing-keys`,
        {
          challenge: {
            type: 'alliance-key-possession',
            institutionId: members[1]!.id,
            keyId: 'x',
            nonce: 'n',
            expiresAt: new Date(Date.now() + 60_000).toISOString(),
          },
        },
      ],
      ['PUT', `${url.issuance}/institutions/${members[1]!.id}/signing-policy`, { policy: 'automatic' }],
    ];
    for (const [method, target, body] of attempts) {
      const res = await fetch(target, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify(body),
      });
      expect({ target, status: res.status, type: res.headers.get('content-type') }).toEqual({
        target,
        status: 403,
        type: expect.stringContaining('application/problem+json'),
      });
    }
    const gateway = await fetch(`${url.issuance}/signer/requests`, { headers: { authorization: `Bearer ${admin}` } });
    expect(gateway.status).toBe(401);
    expect(await call<unknown[]>('GET', `${url.catalogue}/institutions/${members[1]!.id}/keys`, undefined, admin)).toEqual(before);
    expect(await call<{ policy: string }>('GET', `${url.issuance}/institutions/${members[1]!.id}/signing`, undefined, admin)).toMatchObject(
      { policy: 'institution-signer' },
    );
  }, 600_000);
});
