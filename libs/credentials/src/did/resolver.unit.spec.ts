import { generateEd25519KeyPair } from '../keys/ed25519';
import type { ControllerDocument } from './controller-document';
import { buildDidWebDocument, didWebToUrl } from './did-web';
import { createVerificationMethodResolver } from './resolver';

describe('did:web', () => {
  it.each([
    ['did:web:w3c-ccg.github.io', 'https://w3c-ccg.github.io/.well-known/did.json'],
    ['did:web:w3c-ccg.github.io:user:alice', 'https://w3c-ccg.github.io/user/alice/did.json'],
    ['did:web:example.com%3A3000:user:alice', 'https://example.com:3000/user/alice/did.json'],
  ])('resolves %s to %s', (did, url) => {
    expect(didWebToUrl(did)).toBe(url);
  });

  it('builds a document with one Multikey method per key, listed for assertion and authentication', () => {
    const k1 = generateEd25519KeyPair();
    const k2 = generateEd25519KeyPair();
    const did = 'did:web:uni-a.example';
    const doc = buildDidWebDocument(did, [
      { publicKeyMultibase: k1.publicKeyMultibase, id: `${did}#key-1` },
      { publicKeyMultibase: k2.publicKeyMultibase },
    ]);
    expect(doc.id).toBe(did);
    expect(doc.verificationMethod).toEqual([
      { id: `${did}#key-1`, type: 'Multikey', controller: did, publicKeyMultibase: k1.publicKeyMultibase },
      { id: `${did}#${k2.publicKeyMultibase}`, type: 'Multikey', controller: did, publicKeyMultibase: k2.publicKeyMultibase },
    ]);
    expect(doc.assertionMethod).toEqual([`${did}#key-1`, `${did}#${k2.publicKeyMultibase}`]);
  });
});

describe('verification method resolver', () => {
  const did = 'did:web:uni-a.example:institutions:a';
  const key = generateEd25519KeyPair();
  const vm = `${did}#key-1`;
  const documents = new Map<string, ControllerDocument>([
    [did, buildDidWebDocument(did, [{ id: vm, publicKeyMultibase: key.publicKeyMultibase }])],
  ]);
  const seenUrls: string[] = [];
  const resolve = createVerificationMethodResolver({
    resolveDidWeb: (d, url) => {
      seenUrls.push(url);
      return documents.get(d);
    },
  });

  it('resolves a did:web method through the callback, passing the document URL', async () => {
    await expect(resolve(vm, { proofPurpose: 'assertionMethod' })).resolves.toMatchObject({
      id: vm,
      controller: did,
      publicKeyMultibase: key.publicKeyMultibase,
    });
    expect(seenUrls).toContain('https://uni-a.example/institutions/a/did.json');
  });

  it('refuses a method not listed under the proof purpose', async () => {
    await expect(resolve(vm, { proofPurpose: 'capabilityInvocation' })).rejects.toMatchObject({
      code: 'VERIFICATION_RELATIONSHIP_MISSING',
    });
  });

  it('refuses an unknown DID, an unknown fragment, and a method whose controller is another DID', async () => {
    await expect(resolve('did:web:other.example#key-1', { proofPurpose: 'assertionMethod' })).rejects.toMatchObject({
      code: 'UNKNOWN_VERIFICATION_METHOD',
    });
    await expect(resolve(`${did}#key-9`, { proofPurpose: 'assertionMethod' })).rejects.toMatchObject({
      code: 'UNKNOWN_VERIFICATION_METHOD',
    });
    const hijacked = buildDidWebDocument(did, [{ id: vm, publicKeyMultibase: key.publicKeyMultibase }]);
    hijacked.verificationMethod![0].controller = 'did:web:attacker.example';
    const r = createVerificationMethodResolver({ resolveDidWeb: () => hijacked });
    await expect(r(vm, { proofPurpose: 'assertionMethod' })).rejects.toMatchObject({ code: 'INVALID_VERIFICATION_METHOD' });
  });

  it('derives did:key without any callback and refuses did:web when none is configured', async () => {
    const plain = createVerificationMethodResolver();
    const dk = `did:key:${key.publicKeyMultibase}`;
    await expect(plain(`${dk}#${key.publicKeyMultibase}`, { proofPurpose: 'assertionMethod' })).resolves.toMatchObject({ controller: dk });
    await expect(plain(vm, { proofPurpose: 'assertionMethod' })).rejects.toMatchObject({ code: 'UNKNOWN_VERIFICATION_METHOD' });
  });
});
