import {
  createDocumentLoader,
  generateEd25519KeyPair,
  missingAnnexIElements,
  signCredential,
  validateAchievementCredentialSchema,
  type JsonObject,
} from '@alliance/credentials';
import { institutionsFixture, jointSpec, UNI_A, UNI_B } from '../../domain/__fixtures__/specs.fixture';
import { composeCredential } from './compose-credential';
import { composeInput } from '../__fixtures__/compose-input.fixture';

const input = composeInput;

describe('composing the unsigned credential', () => {
  const doc = composeCredential(input);
  const achievement = (doc.credentialSubject as JsonObject).achievement as JsonObject;

  it('carries every mandatory Annex I element and meets the OB 3.0 schema (with a proof list added)', () => {
    expect(missingAnnexIElements(doc)).toEqual([]);
    const schema = validateAchievementCredentialSchema({
      ...doc,
      proof: [
        {
          type: 'DataIntegrityProof',
          cryptosuite: 'eddsa-rdfc-2022',
          verificationMethod: 'did:web:a.example#k',
          proofPurpose: 'assertionMethod',
          proofValue: 'z1',
        },
      ],
    });
    expect(schema.errors).toEqual([]);
  });

  it('names the lead as issuer and lists every awarding body as the registry describes it', () => {
    expect((doc.issuer as JsonObject).id).toBe('did:web:a.example');
    expect((achievement.awardingBody as JsonObject[]).map((b) => [b.id, b.name])).toEqual([
      ['did:web:a.example', 'Aarhus Technical University'],
      ['did:web:b.example', 'Universidad de Bruselas'],
    ]);
  });

  it('has one revocation entry at the allocated index, under the public URL: one object, as Open Badges 3.0.3 allows', () => {
    expect(doc.credentialStatus).toEqual({
      id: `https://issuance.alliance.example/status-lists/${UNI_A}-1-revocation#4242`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '4242',
      statusListCredential: `https://issuance.alliance.example/status-lists/${UNI_A}-1-revocation`,
    });
  });

  it('adds a suspension entry at the same index when credentials are to be suspendable', () => {
    const suspendable = composeCredential({ ...input, statusEntries: 'revocation-and-suspension' });
    expect(suspendable.credentialStatus).toEqual([
      expect.objectContaining({
        statusPurpose: 'revocation',
        statusListIndex: '4242',
        statusListCredential: `https://issuance.alliance.example/status-lists/${UNI_A}-1-revocation`,
      }),
      expect.objectContaining({
        statusPurpose: 'suspension',
        statusListIndex: '4242',
        statusListCredential: `https://issuance.alliance.example/status-lists/${UNI_A}-1-suspension`,
      }),
    ]);
  });

  it("shows the weighted grade, and never the learner's e-mail in clear", () => {
    expect(JSON.stringify(doc)).not.toContain('ada@example.org');
    expect((doc.credentialSubject as JsonObject).result).toEqual([expect.objectContaining({ value: '7.5' })]);
  });

  it('keeps the original award date on a re-issue and names the credential it supersedes', () => {
    const reissued = composeCredential({
      ...input,
      validFrom: '2026-05-01T00:00:00.000Z',
      supersedes: { credentialId: 'old-1', hash: 'ab'.repeat(32) },
    });
    expect(reissued).toMatchObject({ validFrom: '2026-05-01T00:00:00Z', awardedDate: '2026-03-01T10:00:00Z' });
    expect(reissued.relatedResource).toEqual([{ id: 'urn:uuid:old-1', digestMultibase: expect.stringMatching(/^uEi/) }]);
  });

  it('signs under eddsa-rdfc-2022 with many learning outcomes (each named, so canonicalization never gives up)', async () => {
    const outcomes = Array.from({ length: 8 }, (_, i) => ({
      description: `Outcome ${i + 1}`,
      ...(i % 2 ? { escoSkillUri: `http://data.europa.eu/esco/skill/s-${i}` } : {}),
    }));
    const many = composeCredential({
      ...input,
      spec: { ...jointSpec, definition: { ...jointSpec.definition, learningOutcomes: outcomes } },
    });
    const key = generateEd25519KeyPair();
    const documentLoader = createDocumentLoader({ servedAt: [input.publicUrl] });
    const signed = await signCredential(
      many,
      [{ verificationMethod: 'did:web:a.example#k', privateKey: key.secretKey, cryptosuite: 'eddsa-rdfc-2022' }],
      { documentLoader },
    );
    expect(signed.proof).toHaveLength(1);
    expect(((signed.credentialSubject as JsonObject).achievement as JsonObject).learningOutcome).toHaveLength(8);
  });

  it('refuses to compose while an awarding body is unknown to issuance', () => {
    const institutions = institutionsFixture();
    institutions.delete(UNI_B);
    expect(() => composeCredential({ ...input, institutions })).toThrow(
      expect.objectContaining({ code: 'issuance.credential.awarding-body-unknown' }),
    );
  });
});
