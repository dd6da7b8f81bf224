import { buildDidWebDocument, type Ed25519KeyPair, generateEd25519KeyPair, signKeyPossession } from '@alliance/credentials';
import { ECIU_MEMBERS } from '../demo/eciu-demo-data';
import { catalogueHarness, type CatalogueHarness } from './__fixtures__/catalogue-harness';
import { scenario } from './__fixtures__/catalogue-scenario';
import { ownAdminMeta, registerKey } from './__fixtures__/key-registration';
import { AddSigningKeyCommand, AddSigningKeyHandler } from './commands/add-signing-key';
import { IssueKeyChallengeCommand, IssueKeyChallengeHandler } from './commands/issue-key-challenge';
import { RegisterInstitutionCommand, RegisterInstitutionHandler } from './commands/register-institution';
import { RotateSigningKeyCommand, RotateSigningKeyHandler } from './commands/rotate-signing-key';

const DID = 'did:web:www.utwente.nl';

async function selfHostedMember(h: CatalogueHarness, did = DID): Promise<string> {
  const { key: _key, ...profile } = ECIU_MEMBERS[ECIU_MEMBERS.length - 1];
  return new RegisterInstitutionHandler(h.aggregates, h.directory, h.config).execute(
    RegisterInstitutionCommand.create({ ...profile, did, ...h.meta() }),
  );
}

/** The key request the member's own admin sends: a challenge for `keyId`, answered by the new key. */
async function keyRequest(h: CatalogueHarness, institutionId: string, keyId: string, keyPair: Ed25519KeyPair) {
  const { challenge } = await new IssueKeyChallengeHandler(h.aggregates).execute(
    IssueKeyChallengeCommand.create({ institutionId, keyId, ...ownAdminMeta(h, institutionId) }),
  );
  return {
    institutionId,
    publicKeyMultibase: keyPair.publicKeyMultibase,
    proofOfPossession: signKeyPossession(challenge, keyPair.secretKey),
  };
}

/** Sends the key request as the member's own admin and expects it refused as `refusal` says, with nothing appended. */
async function expectKeyRefused(h: CatalogueHarness, body: Awaited<ReturnType<typeof keyRequest>>, refusal: object): Promise<void> {
  const before = await h.store.headPosition();
  await expect(
    new AddSigningKeyHandler(h.aggregates, h.didCheck).execute(
      AddSigningKeyCommand.create({ ...body, ...ownAdminMeta(h, body.institutionId) }),
    ),
  ).rejects.toMatchObject(refusal);
  expect(await h.store.headPosition()).toBe(before);
}

describe('a key of a member that hosts its own DID document', () => {
  it('is registered when the document at its domain lists it, with where and when that was read', async () => {
    const h = catalogueHarness();
    const ut = await selfHostedMember(h);
    const keyPair = generateEd25519KeyPair();
    h.didDocuments.publish(buildDidWebDocument(DID, [{ id: `${DID}#key-1`, publicKeyMultibase: keyPair.publicKeyMultibase }]));
    await expect(registerKey(h, ut, { keyId: 'key-1', keyPair })).resolves.toMatchObject({ keyId: 'key-1' });
    const state = (await h.aggregates.institution.state(ut))!;
    expect(state.status).toBe('active');
    expect(state.keys[0].didDocumentChecked).toEqual({
      url: 'https://www.utwente.nl/.well-known/did.json',
      at: expect.any(String),
      verificationMethod: `${DID}#key-1`,
    });
    const added = (await h.events()).find((e) => e.type === 'SigningKeyAdded')!;
    expect((added.data as { key: { didDocumentChecked?: unknown } }).key.didDocumentChecked).toEqual(state.keys[0].didDocumentChecked);
  });

  it('is refused with 422 on publicKeyMultibase when the document does not list it, and nothing is appended', async () => {
    const h = catalogueHarness();
    const ut = await selfHostedMember(h);
    const keyPair = generateEd25519KeyPair();
    h.didDocuments.publish(
      buildDidWebDocument(DID, [{ id: `${DID}#key-0`, publicKeyMultibase: generateEd25519KeyPair().publicKeyMultibase }]),
    );
    const body = await keyRequest(h, ut, 'key-1', keyPair);
    await expectKeyRefused(h, body, {
      status: 422,
      code: 'catalogue.key.not-in-did-document',
      field: 'publicKeyMultibase',
      message: expect.stringContaining('https://www.utwente.nl/.well-known/did.json'),
    });
    expect((await h.aggregates.institution.state(ut))!.status).toBe('pending');
  });

  it('is refused with 422 did.unresolvable, saying why, when the document cannot be read', async () => {
    const h = catalogueHarness();
    const ut = await selfHostedMember(h);
    const body = await keyRequest(h, ut, 'key-1', generateEd25519KeyPair());
    await expectKeyRefused(h, body, {
      status: 422,
      code: 'catalogue.did.unresolvable',
      field: 'did',
      message: expect.stringMatching(/HTTP 404 \(HTTP_STATUS\)/),
    });
  });

  it('is checked on rotation too: the successor must be listed', async () => {
    const h = catalogueHarness();
    const ut = await selfHostedMember(h);
    const first = generateEd25519KeyPair();
    const next = generateEd25519KeyPair();
    h.didDocuments.publish(buildDidWebDocument(DID, [{ id: `${DID}#key-1`, publicKeyMultibase: first.publicKeyMultibase }]));
    await registerKey(h, ut, { keyId: 'key-1', keyPair: first });
    const rotate = async () =>
      new RotateSigningKeyHandler(h.aggregates, h.didCheck).execute(
        RotateSigningKeyCommand.create({ ...(await keyRequest(h, ut, 'key-2', next)), keyId: 'key-1', ...ownAdminMeta(h, ut) }),
      );
    await expect(rotate()).rejects.toMatchObject({ status: 422, code: 'catalogue.key.not-in-did-document' });
    expect((await h.aggregates.institution.state(ut))!.keys.map((k) => k.keyId)).toEqual(['key-1']);
    h.didDocuments.publish(
      buildDidWebDocument(DID, [
        { id: `${DID}#key-1`, publicKeyMultibase: first.publicKeyMultibase },
        { id: `${DID}#key-2`, publicKeyMultibase: next.publicKeyMultibase },
      ]),
    );
    await expect(rotate()).resolves.toBe('key-2');
    expect((await h.aggregates.institution.state(ut))!.keys[1].didDocumentChecked).toMatchObject({ verificationMethod: `${DID}#key-2` });
    await expect(registerKey(h, ut, { keyId: 'key-3', replacesKeyId: 'key-2' })).rejects.toMatchObject({
      code: 'catalogue.key.not-in-did-document',
    });
  });

  it("fetches nothing for a request the decider refuses anyway: another institution's admin, a bad proof", async () => {
    const h = catalogueHarness();
    const [dcu] = await scenario(h).members(1);
    const ut = await selfHostedMember(h);
    const body = await keyRequest(h, ut, 'key-1', generateEd25519KeyPair());
    const handler = new AddSigningKeyHandler(h.aggregates, h.didCheck);
    await expect(handler.execute(AddSigningKeyCommand.create({ ...body, ...h.meta() }))).rejects.toMatchObject({ status: 403 });
    await expect(handler.execute(AddSigningKeyCommand.create({ ...body, ...ownAdminMeta(h, dcu) }))).rejects.toMatchObject({ status: 403 });
    const forged = {
      ...body,
      proofOfPossession: {
        ...body.proofOfPossession,
        signature: body.proofOfPossession.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
      },
    };
    await expect(handler.execute(AddSigningKeyCommand.create({ ...forged, ...ownAdminMeta(h, ut) }))).rejects.toMatchObject({
      code: 'catalogue.key.possession-signature-invalid',
    });
    expect(h.didDocuments.resolved).toEqual([]);
  });
});

describe('a key of a platform-hosted member', () => {
  it('is registered without reading any DID document and without a check record', async () => {
    const h = catalogueHarness();
    const [aau, dcu] = await scenario(h).members(2);
    await registerKey(h, dcu, { keyId: 'key-2', replacesKeyId: 'key-1' });
    expect(h.didDocuments.resolved).toEqual([]);
    for (const id of [aau, dcu])
      expect((await h.aggregates.institution.state(id))!.keys.every((k) => k.didDocumentChecked === undefined)).toBe(true);
  });
});
