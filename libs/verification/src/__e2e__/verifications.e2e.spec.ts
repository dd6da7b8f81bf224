import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateEd25519KeyPair, didKeyVerificationMethodOf, type JsonObject, signCredential } from '@alliance/credentials';
import { allianceFixture } from '../application/__fixtures__/alliance-credential.fixture';
import { perSuite, postVerification, registerMembers, startWithStatusLists, untilValid } from './alliance-verification';
import { credentialIssued, keyRevocation } from './catalogue-messages';
import { eventually } from './verification-app';

const VECTORS = resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'vectors');

describe('POST /verifications over HTTP', () => {
  const alliance = perSuite(async () => {
    const started = await startWithStatusLists({ fixture: { cryptosuite: 'eddsa-rdfc-2022' } });
    for (let i = 0; i < 100 && (await postVerification(started.v, started.f.credential)).verdict !== 'valid'; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    return started;
  });
  const verify = (body: unknown) => postVerification(alliance.v, body);

  it('reports every check of a genuine co-issued credential and calls it valid', async () => {
    const report = await verify(alliance.f.credential);
    expect(report).toMatchObject({ verdict: 'valid', verificationId: expect.any(String), warnings: [], uncheckable: [] });
    expect(report.checks.map((c: { id: string; outcome: string }) => `${c.id}:${c.outcome}`)).toEqual([
      'parse:passed',
      'schema:passed',
      'proofs:passed',
      'co-issuance:passed',
      'registry-keys:passed',
      'status:passed',
      'validity-period:passed',
      'annex-i:passed',
    ]);
    expect(report.credential.awardingBodies.map((b: { name: string }) => b.name)).toEqual([
      'Aalborg Technical University',
      'Hamburg University of Technology',
    ]);
    // The outbox relays the record after the answer: wait for it rather than for a fixed moment.
    await eventually(async () =>
      alliance.v.published.some((m) => m.type === 'verification.credential.verified') ? true : undefined,
    ).catch(() => undefined);
    expect(alliance.v.published.map((m) => m.type)).toContain('verification.credential.verified');
  });

  it('accepts the credential wrapped as { credential } and as application/vc+ld+json', async () => {
    expect((await verify({ credential: alliance.f.credential })).verdict).toBe('valid');
    const res = await alliance.v
      .http()
      .post('/verifications')
      .set('content-type', 'application/vc+ld+json')
      .send(JSON.stringify(alliance.f.credential))
      .expect(200);
    expect(res.body.verdict).toBe('valid');
  });

  it('names the failed check and why: tampering, a removed proof, a revoked or suspended credential', async () => {
    expect(await verify({ ...alliance.f.credential, name: 'Forged title' })).toMatchObject({
      verdict: 'invalid',
      failure: { check: 'proofs', code: 'INVALID_SIGNATURE' },
    });
    expect(await verify({ ...alliance.f.credential, proof: [(alliance.f.credential.proof as JsonObject[])[1]] })).toMatchObject({
      verdict: 'invalid',
      failure: { check: 'co-issuance', code: 'MISSING_REQUIRED_SIGNER' },
    });
    alliance.status.serve('/status-lists/list-1', await alliance.f.statusList(2));
    expect(await verify(alliance.f.credential)).toMatchObject({ verdict: 'invalid', failure: { check: 'status', code: 'REVOKED' } });
    alliance.status.serve('/status-lists/list-1', await alliance.f.statusList(1));
    expect(await verify(alliance.f.credential)).toMatchObject({ verdict: 'invalid', failure: { check: 'status', code: 'SUSPENDED' } });
    alliance.status.serve('/status-lists/list-1', await alliance.f.statusList(0));
  });

  it('says the status could not be checked when the status list is unreachable, never that it is fine', async () => {
    alliance.status.down('/status-lists/list-1');
    const report = await verify(alliance.f.credential);
    expect(report.verdict).toBe('indeterminate');
    expect(report.uncheckable[0]).toMatch(/^status: Whether it was revoked or suspended could not be checked/);
    alliance.status.serve('/status-lists/list-1', await alliance.f.statusList(0));
  });

  it('fails a proof made with a key outside its registered validity', async () => {
    const late = await allianceFixture({ suffix: '-2', keyWindowB: { validFrom: '2026-02-01T00:00:00.000Z' } });
    await registerMembers(alliance.v, late);
    const report = await eventually(async () => {
      const r = await verify(late.credential);
      return r.checks.find((c: { id: string }) => c.id === 'proofs').outcome === 'passed' ? r : undefined;
    });
    expect(report).toMatchObject({ verdict: 'invalid', failure: { check: 'registry-keys', code: 'KEY_NOT_VALID_AT_VALID_FROM' } });
  });

  it('a key revoked for compromise: a credential signed after compromisedSince verifies invalid, one issued before stays valid, a backdated one does not', async () => {
    const c = await allianceFixture({ suffix: '-c' });
    const before = c.credential;
    const { credential: after } = await c.issue('2026-02-10T10:00:00Z');
    expect([before.validFrom, after.validFrom]).toEqual(['2026-01-10T10:00:00Z', '2026-02-10T10:00:00Z']);
    alliance.status.serve('/status-lists/list-1', await c.statusList(0));
    try {
      await registerMembers(alliance.v, c);
      // The alliance's issuance log recorded the earlier credential when it was issued, before the compromise.
      await alliance.v.bus.publish([credentialIssued(before, '2026-01-10T10:00:05.000Z', [c.A.institutionId, c.B.institutionId])]);
      await untilValid(alliance.v, before);
      expect((await verify(after)).verdict).toBe('valid');

      await alliance.v.bus.publish([
        keyRevocation(c.B, {
          keyId: 'key-1',
          reason: 'signing host breached',
          revokedAt: '2026-02-20T00:00:00.000Z',
          compromisedSince: '2026-02-01T00:00:00.000Z',
        }),
      ]);
      const report = await eventually(async () => {
        const r = await verify(after);
        return r.verdict === 'invalid' ? r : undefined;
      });
      expect(report).toMatchObject({ failure: { check: 'registry-keys', code: 'KEY_COMPROMISED' } });
      expect(report.failure.reason).toContain('Hamburg University of Technology (institution inst-b-c)');
      expect(report.failure.reason).toContain('key key-1 as compromised since 2026-02-01T00:00:00.000Z');
      expect(report.checks.find((k: { id: string }) => k.id === 'proofs').outcome).toBe('passed');
      expect(await verify(before)).toMatchObject({ verdict: 'valid', warnings: [], uncheckable: [] });

      // Whoever stole the key can date a credential before the compromise; the issuance log has no such credential.
      const { credential: backdated } = await c.issue('2026-01-15T10:00:00Z');
      const forged = await verify(backdated);
      expect(forged).toMatchObject({ verdict: 'invalid', failure: { check: 'registry-keys', code: 'KEY_COMPROMISED_UNPROVEN' } });
      expect(forged.failure.reason).toContain('has no record of issuing this credential');
    } finally {
      alliance.status.serve('/status-lists/list-1', await alliance.f.statusList(0));
    }
  });

  it('verifies outside credentials (did:key, the W3C vectors): signatures intact, issuer not in the registry (unverified-issuer), and says which policy checks did not apply', async () => {
    const key = generateEd25519KeyPair();
    const did = `did:key:${key.publicKeyMultibase}`;
    const outside = await signCredential(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential'],
        issuer: did,
        validFrom: '2025-01-01T00:00:00Z',
        credentialSubject: { id: 'did:example:holder' },
      },
      [
        {
          verificationMethod: didKeyVerificationMethodOf(key.publicKeyMultibase),
          privateKey: key.secretKey,
          cryptosuite: 'eddsa-jcs-2022',
        },
      ],
    );
    const report = await verify(outside);
    expect(report).toMatchObject({ verdict: 'unverified-issuer', outsideRegistry: [did] });
    expect(report.failure).toBeUndefined();
    expect(report.checks.find((c: { id: string }) => c.id === 'registry-keys').outcome).toBe('not-applicable');
    const w3c = JSON.parse(readFileSync(resolve(VECTORS, 'vc-di-eddsa', 'TestVectors', 'eddsa-rdfc-2022', 'signedDataInt.json'), 'utf8'));
    expect((await verify(w3c)).checks.find((c: { id: string }) => c.id === 'proofs').outcome).toBe('passed');
  });

  it("calls a credential claiming a member's name or homepage without its DID an impersonation, naming the member", async () => {
    const https = await alliance.f.outsider(() => ({
      id: 'https://www.aau.example',
      name: 'Aalborg Technical University',
      address: { type: ['Address'], addressCountryCode: 'DK' },
    }));
    const byName = await verify(https.credential);
    expect(byName).toMatchObject({ verdict: 'invalid', failure: { check: 'registry-keys', code: 'IMPERSONATION' } });
    expect(byName.failure.reason).toContain(`the alliance member Aalborg Technical University`);
    // Other tests here register members of the same name: every one of them is named, A among them.
    const claims = byName.checks
      .find((c: { id: string }) => c.id === 'registry-keys')
      .problems.filter((p: { code: string }) => p.code === 'IMPERSONATION');
    expect(claims.map((p: { message: string }) => p.message).join(' ')).toContain(
      `that member's DID in the alliance registry is ${alliance.f.A.did}`,
    );

    const didKey = await alliance.f.outsider((id) => ({
      id,
      name: 'Hamburg Univ. of Technology',
      url: 'https://www.tuhh.example/',
      address: { type: ['Address'], addressCountryCode: 'DE' },
    }));
    const byHomepage = await verify(didKey.credential);
    expect(byHomepage).toMatchObject({ verdict: 'invalid', failure: { check: 'registry-keys', code: 'IMPERSONATION' } });
    expect(byHomepage.failure.reason).toContain(`claims the homepage of the alliance member Hamburg University of Technology`);
    expect(byHomepage.failure.reason).toContain(alliance.f.B.did);
  });

  it('does not take a status list signed by anyone but the credential\'s issuer: status could not be checked, never "not revoked"', async () => {
    alliance.status.serve(
      '/status-lists/list-1',
      await alliance.f.statusList(2, { signer: { verificationMethod: `${alliance.f.B.did}#key-1`, secretKey: alliance.f.keyB.secretKey } }),
    );
    try {
      const report = await verify(alliance.f.credential);
      expect(report.verdict).toBe('indeterminate');
      const entry = report.checks.find((c: { id: string }) => c.id === 'status');
      expect(entry).toMatchObject({ outcome: 'could-not-check', problems: [{ code: 'STATUS_LIST_WRONG_SIGNER' }] });
      expect(entry.problems[0].message).toContain(alliance.f.A.did);
      const intruder = generateEd25519KeyPair();
      alliance.status.serve(
        '/status-lists/list-1',
        await alliance.f.statusList(0, {
          signer: { verificationMethod: didKeyVerificationMethodOf(intruder.publicKeyMultibase), secretKey: intruder.secretKey },
        }),
      );
      expect((await verify(alliance.f.credential)).checks.find((c: { id: string }) => c.id === 'status')).toMatchObject({
        outcome: 'could-not-check',
        problems: [{ code: 'STATUS_LIST_WRONG_SIGNER' }],
      });
    } finally {
      alliance.status.serve('/status-lists/list-1', await alliance.f.statusList(0));
    }
    expect((await verify(alliance.f.credential)).verdict).toBe('valid');
  });

  it('rejects a request without a credential with problem+json (400), and reports a non-credential as invalid', async () => {
    const empty = await alliance.v.http().post('/verifications').send({}).expect(400);
    expect(empty.headers['content-type']).toMatch(/problem\+json/);
    expect(JSON.parse(empty.text)).toMatchObject({ code: 'verification.body.credential-required', errors: [{ field: 'body' }] });
    await alliance.v.http().post('/verifications').set('content-type', 'application/json').send('{"broken": ').expect(400);
    expect(await verify({ hello: 'world' })).toMatchObject({ verdict: 'invalid', failure: { check: 'parse' } });
  });

  it('serves the employer page with a strict content security policy', async () => {
    const page = await alliance.v.http().get('/verify').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.text).toContain('Check a micro-credential');
    await alliance.v
      .http()
      .get('/verify/app.js')
      .expect(200)
      .expect('content-type', /javascript/);
  });
});
