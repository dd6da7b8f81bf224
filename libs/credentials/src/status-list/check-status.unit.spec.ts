import { createVerificationMethodResolver } from '../did/resolver';
import { didKeyVerificationMethodOf } from '../did/did-key';
import { signCredential } from '../data-integrity/sign';
import type { JsonObject } from '../data-integrity/types';
import { verifyCredential } from '../data-integrity/verify-credential';
import { generateEd25519KeyPair } from '../keys/ed25519';
import { readVectorJson } from '../__tests__/vectors';
import { BitstringStatusList } from './bitstring-status-list';
import { checkStatus } from './check-status';
import { buildStatusListCredential, statusListEntry } from './status-list-credential';

const REVOCATION_URL = 'https://platform.example/status/revocation/1';
const SUSPENSION_URL = 'https://platform.example/status/suspension/1';

function listCredential(url: string, purpose: string, list: BitstringStatusList): JsonObject {
  return buildStatusListCredential({
    id: url,
    issuer: 'did:web:platform.example',
    statusPurpose: purpose,
    list,
    validFrom: '2025-01-01T00:00:00Z',
  });
}

describe('checkStatus (Bitstring Status List 1.0 §3.2)', () => {
  it('follows a credential through revocation', async () => {
    const list = new BitstringStatusList();
    const index = list.allocate();
    const entry = statusListEntry({ statusListCredential: REVOCATION_URL, statusListIndex: index, statusPurpose: 'revocation' });
    expect(entry).toEqual({
      id: `${REVOCATION_URL}#${index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(index),
      statusListCredential: REVOCATION_URL,
    });
    await expect(checkStatus(entry, listCredential(REVOCATION_URL, 'revocation', list))).resolves.toEqual({
      status: 0,
      purpose: 'revocation',
      valid: true,
    });
    list.set(index);
    await expect(checkStatus(entry, listCredential(REVOCATION_URL, 'revocation', list))).resolves.toEqual({
      status: 1,
      purpose: 'revocation',
      valid: false,
    });
  });

  it('follows a credential through suspension and reinstatement', async () => {
    const list = new BitstringStatusList();
    const index = list.allocate();
    const entry = statusListEntry({ statusListCredential: SUSPENSION_URL, statusListIndex: index, statusPurpose: 'suspension' });
    list.set(index);
    expect((await checkStatus(entry, listCredential(SUSPENSION_URL, 'suspension', list))).valid).toBe(false);
    list.clear(index);
    expect((await checkStatus(entry, listCredential(SUSPENSION_URL, 'suspension', list))).valid).toBe(true);
  });

  it('reports the 1EdTech credential at index 23 as revoked, reading its numeric index unless strict', async () => {
    const credential = readVectorJson<{ credentialStatus: JsonObject }>(
      'status-list',
      '1edtech_ob3-credential-status-revoked-index-23.json',
    );
    const list = readVectorJson('status-list', '1edtech_testlist_revoked-index-23.json');
    await expect(checkStatus(credential.credentialStatus, list)).resolves.toEqual({ status: 1, purpose: 'revocation', valid: false });
    await expect(checkStatus(credential.credentialStatus, list, { strict: true })).rejects.toMatchObject({ code: 'MALFORMED_VALUE_ERROR' });
    const asString = { ...credential.credentialStatus, statusListIndex: '22' };
    await expect(checkStatus(asString, list)).resolves.toMatchObject({ valid: true });
  });

  it('verifies the eddsa-rdfc-2022 proofs of the 1EdTech list and credential, then finds the credential revoked', async () => {
    const controller = 'https://1edtech.edu/issuers/565049';
    const publicKeyMultibase = 'z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';
    const vm = `${controller}#${publicKeyMultibase}`;
    const resolveVerificationMethod = createVerificationMethodResolver({
      resolveController: (id) =>
        id === controller
          ? { id, verificationMethod: [{ id: vm, type: 'Multikey', controller, publicKeyMultibase }], assertionMethod: [vm] }
          : undefined,
    });
    const verifyStatusListCredential = async (vc: JsonObject) => (await verifyCredential(vc, { resolveVerificationMethod })).verified;
    const credential = readVectorJson<JsonObject & { credentialStatus: JsonObject }>(
      'status-list',
      '1edtech_ob3-credential-status-revoked-index-23.json',
    );
    const list = readVectorJson('status-list', '1edtech_testlist_revoked-index-23.json');
    expect((await verifyCredential(credential, { resolveVerificationMethod })).verified).toBe(true);
    await expect(checkStatus(credential.credentialStatus, list, { verifyStatusListCredential })).resolves.toMatchObject({
      valid: false,
      status: 1,
    });
  });

  it('raises STATUS_LIST_LENGTH_ERROR for a list below 131,072 entries', async () => {
    const ref = readVectorJson<Record<string, { encodedList: string }>>('status-list', 'reference-encodedLists.json');
    const shortList = {
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      credentialSubject: {
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList: ref.digitalbazaar_100k_empty.encodedList,
      },
    };
    const entry = statusListEntry({ statusListCredential: REVOCATION_URL, statusListIndex: 1, statusPurpose: 'revocation' });
    await expect(checkStatus(entry, shortList)).rejects.toMatchObject({
      code: 'STATUS_LIST_LENGTH_ERROR',
      type: 'https://www.w3.org/ns/credentials/status-list#STATUS_LIST_LENGTH_ERROR',
    });
  });

  it.each<[string, (entry: JsonObject, vc: JsonObject) => [JsonObject, JsonObject | null], string]>([
    ['the list could not be retrieved', (e) => [e, null], 'STATUS_RETRIEVAL_ERROR'],
    ['the list serves another purpose', (e, vc) => [{ ...e, statusPurpose: 'suspension' }, vc], 'STATUS_VERIFICATION_ERROR'],
    ['the index lies outside the list', (e, vc) => [{ ...e, statusListIndex: '131072' }, vc], 'RANGE_ERROR'],
    ['the index is not a base-10 string', (e, vc) => [{ ...e, statusListIndex: '0x10' }, vc], 'MALFORMED_VALUE_ERROR'],
    ['the entry id is the list URL', (e, vc) => [{ ...e, id: REVOCATION_URL }, vc], 'MALFORMED_VALUE_ERROR'],
    [
      'encodedList is not multibase base64url',
      (e, vc) => [e, { ...vc, credentialSubject: { ...(vc.credentialSubject as JsonObject), encodedList: 'zabc' } }],
      'MALFORMED_VALUE_ERROR',
    ],
    ['the list is not a BitstringStatusListCredential', (e, vc) => [e, { ...vc, type: ['VerifiableCredential'] }], 'MALFORMED_VALUE_ERROR'],
    ['statusSize 2 comes without statusMessage', (e, vc) => [{ ...e, statusSize: 2 }, vc], 'MALFORMED_VALUE_ERROR'],
  ])('raises the specified error when %s', async (_label, mutate, code) => {
    const entry = statusListEntry({ statusListCredential: REVOCATION_URL, statusListIndex: 3, statusPurpose: 'revocation' });
    const [e, vc] = mutate(entry, listCredential(REVOCATION_URL, 'revocation', new BitstringStatusList()));
    await expect(checkStatus(e, vc)).rejects.toMatchObject({ code });
  });

  it('reads multi-bit message statuses', async () => {
    const messages = [
      { status: '0x0', message: 'valid' },
      { status: '0x1', message: 'suspended' },
      { status: '0x2', message: 'revoked' },
      { status: '0x3', message: 'undefined' },
    ];
    const list = new BitstringStatusList({ statusSize: 2, length: 131_072 });
    list.setStatus(9, 2);
    const vc = buildStatusListCredential({
      id: REVOCATION_URL,
      issuer: 'did:web:platform.example',
      statusPurpose: 'message',
      list,
      validFrom: '2025-01-01T00:00:00Z',
      statusMessages: messages,
    });
    const entry = statusListEntry({
      statusListCredential: REVOCATION_URL,
      statusListIndex: 9,
      statusPurpose: 'message',
      statusSize: 2,
      statusMessage: messages,
    });
    await expect(checkStatus(entry, vc)).resolves.toEqual({ status: 2, purpose: 'message', valid: false, message: 'revoked' });
  });

  it.each(['eddsa-jcs-2022', 'eddsa-rdfc-2022'] as const)(
    'verifies the proofs of a %s-signed status list, and raises STATUS_VERIFICATION_ERROR once it is altered',
    async (cryptosuite) => {
      const key = generateEd25519KeyPair();
      const list = new BitstringStatusList();
      const index = list.allocate();
      list.set(index);
      const signed = await signCredential(listCredential(REVOCATION_URL, 'revocation', list), [
        { verificationMethod: didKeyVerificationMethodOf(key.publicKeyMultibase), privateKey: key.secretKey, cryptosuite },
      ]);
      const resolveVerificationMethod = createVerificationMethodResolver();
      const verifyStatusListCredential = async (vc: JsonObject) => (await verifyCredential(vc, { resolveVerificationMethod })).verified;
      const entry = statusListEntry({ statusListCredential: REVOCATION_URL, statusListIndex: index, statusPurpose: 'revocation' });
      await expect(checkStatus(entry, signed, { verifyStatusListCredential })).resolves.toMatchObject({ valid: false });
      list.clear(index);
      const forged = { ...signed, credentialSubject: { ...(signed.credentialSubject as JsonObject), encodedList: list.encode() } };
      await expect(checkStatus(entry, forged, { verifyStatusListCredential })).rejects.toMatchObject({ code: 'STATUS_VERIFICATION_ERROR' });
    },
  );

  it('reports a list whose bitstring inflates beyond maxDecompressedBytes as a length error', async () => {
    const list = new BitstringStatusList();
    const entry = statusListEntry({ statusListCredential: REVOCATION_URL, statusListIndex: 3, statusPurpose: 'revocation' });
    await expect(
      checkStatus(entry, listCredential(REVOCATION_URL, 'revocation', list), { maxDecompressedBytes: 1024 }),
    ).rejects.toMatchObject({ code: 'STATUS_LIST_LENGTH_ERROR' });
    await expect(
      checkStatus(entry, listCredential(REVOCATION_URL, 'revocation', list), { maxDecompressedBytes: 16 * 1024 }),
    ).resolves.toMatchObject({ valid: true });
  });
});
