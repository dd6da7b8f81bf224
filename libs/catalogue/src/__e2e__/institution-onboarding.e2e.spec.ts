import { generateEd25519KeyPair, signKeyPossession } from '@alliance/credentials';
import { requestKeyChallenge } from '@alliance/testing';
import { catalogueWithAdmin } from './admin-session.fixture';
import { ECIU } from './eciu.fixture';
import { keyOwner } from './key-owner.fixture';

describe('catalogue over HTTP: onboarding a member with proof of key possession', () => {
  const svc = catalogueWithAdmin();

  it('onboards a member: pending until its own admin registers a first key with proof of possession, then active', async () => {
    const dcu = await keyOwner(svc, { ...ECIU.dcu, did: 'did:web:www.dcu.ie' });
    const pending = await svc.http().get(`/institutions/${dcu.id}`).set('authorization', svc.admin);
    expect(pending.body).toMatchObject({ status: 'pending', statusHistory: [{ status: 'pending' }], keys: [] });
    expect(
      (await svc.http().get('/institutions').query({ status: 'pending' }).set('authorization', svc.admin)).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).toContain(dcu.id);

    const challenge = await dcu.requestChallenge('key-1');
    expect(challenge.status).toBe(201);
    expect(challenge.body).toEqual({
      challenge: {
        type: 'alliance-key-possession',
        institutionId: dcu.id,
        keyId: 'key-1',
        nonce: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        expiresAt: expect.any(String),
      },
      signingInput: expect.any(String),
    });
    const keyPair = generateEd25519KeyPair();
    dcu.publishKey('key-1', keyPair.publicKeyMultibase);
    const added = await dcu.postKey({
      publicKeyMultibase: keyPair.publicKeyMultibase,
      custody: 'institution',
      proofOfPossession: signKeyPossession(challenge.body.challenge, keyPair.secretKey),
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      keyId: 'key-1',
      verificationMethodId: 'did:web:www.dcu.ie#key-1',
      state: 'active',
      possession: { challenge: challenge.body.challenge },
    });
    expect(added.body.didDocumentChecked).toMatchObject({
      url: 'https://www.dcu.ie/.well-known/did.json',
      verificationMethod: 'did:web:www.dcu.ie#key-1',
    });
    const active = await svc.http().get(`/institutions/${dcu.id}`).set('authorization', svc.admin);
    expect(active.body).toMatchObject({
      status: 'active',
      statusHistory: [{ status: 'pending' }, { status: 'active' }],
      didHosting: 'institution-hosted',
    });
  });

  it('refuses a reused, wrong-key or badly signed proof with problem+json naming the field', async () => {
    const tuhh = await keyOwner(svc, { ...ECIU.tuhh, name: 'TUHH proof test' });
    const { keyPair } = await tuhh.addKey('key-1');
    const used = (await svc.http().get(`/institutions/${tuhh.id}`).set('authorization', svc.admin)).body.keys[0].possession;
    const fresh = generateEd25519KeyPair();
    const { challenge } = await requestKeyChallenge({ catalogue: svc.http, institutionId: tuhh.id, token: tuhh.token, keyId: 'key-2' });
    const cases: [object, number, string, string][] = [
      [
        {
          keyId: 'key-9',
          publicKeyMultibase: fresh.publicKeyMultibase,
          proofOfPossession: { nonce: used.challenge.nonce, signature: used.signature },
        },
        409,
        'key.possession-nonce-used',
        'proofOfPossession.nonce',
      ],
      [
        { keyId: 'key-3', publicKeyMultibase: fresh.publicKeyMultibase, proofOfPossession: signKeyPossession(challenge, fresh.secretKey) },
        422,
        'key.possession-wrong-key',
        'proofOfPossession.nonce',
      ],
      [
        { publicKeyMultibase: fresh.publicKeyMultibase, proofOfPossession: signKeyPossession(challenge, keyPair.secretKey) },
        422,
        'key.possession-signature-invalid',
        'proofOfPossession.signature',
      ],
      [
        { publicKeyMultibase: fresh.publicKeyMultibase, proofOfPossession: { nonce: 'never-issued', signature: 'x' } },
        422,
        'key.possession-unknown-nonce',
        'proofOfPossession.nonce',
      ],
      [{ publicKeyMultibase: fresh.publicKeyMultibase }, 400, 'validation-failed', 'proofOfPossession'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await tuhh.postKey(body);
      const problem = JSON.parse(res.text);
      expect({ status: res.status, type: res.headers['content-type'], code: problem.code ?? 'validation-failed' }).toEqual({
        status,
        type: expect.stringMatching(/problem\+json/),
        code: status === 400 ? code : `catalogue.${code}`,
      });
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});
