// Test-only facts, keys and token readers for the SD-JWT VC specs.
import { generateKeyPairSync } from 'node:crypto';
import { issueLearningCredential, type IssueLearningCredentialInput } from '../issue-learning-credential';
import type { Jwk } from '../jose-keys';
import { localSigner } from '../jws-signer';
import type { LearningCredentialFacts } from '../learning-credential.facts';

/** Facts with every optional member set, as an alliance micro-credential would carry them. */
export const fullFacts = (): LearningCredentialFacts => ({
  iss: 'https://issuer.alliance.example/unit-a',
  issuingAuthority: ['Universidad de Ejemplo', 'Université Exemple'],
  issuingCountry: 'ES',
  dateOfIssuance: '2026-11-20',
  dateOfExpiry: '2031-11-19',
  familyName: 'García López',
  givenName: 'Lucía',
  learnerIdentification: 'S-2026-004217',
  achievementTitle: 'Data Stewardship for Research',
  achievementDescription: 'Plan, curate and publish research data following FAIR principles.',
  learningOutcomes: ['Write a data management plan', 'Apply FAIR principles to a dataset'],
  assessmentGrade: 'A',
  languageOfClasses: ['en', 'es'],
  expectedStudyTime: '6 ECTS credits (150 hours)',
  levelOfLearningExperience: 7,
  typesOfQualityAssurance: ['Internal Evaluation', 'External Evaluation'],
  prerequisitesToEnroll: ['Bachelor degree'],
  integrationStackabilityOptions: true,
});

/** Only the members the type metadata marks mandatory. */
export const minimalFacts = (): LearningCredentialFacts => ({
  iss: 'https://issuer.alliance.example',
  issuingAuthority: 'Universidad de Ejemplo',
  issuingCountry: 'ES',
  dateOfIssuance: '2026-11-20',
  familyName: 'García',
  learnerIdentification: 'S-1',
  achievementTitle: 'Data Stewardship',
  languageOfClasses: ['en'],
  expectedStudyTime: '12 months',
  levelOfLearningExperience: 5,
  typesOfQualityAssurance: ['Institutional Evaluation'],
});

/** A fresh key pair as private and public JWKs. */
export function keyPair(kind: 'ES256' | 'EdDSA', kid?: string): { privateJwk: Jwk; publicJwk: Jwk } {
  const { privateKey, publicKey } = kind === 'ES256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
  const withKid = (jwk: Jwk): Jwk => (kid === undefined ? jwk : { ...jwk, kid });
  return {
    privateJwk: withKid(privateKey.export({ format: 'jwk' }) as Jwk),
    publicJwk: withKid(publicKey.export({ format: 'jwk' }) as Jwk),
  };
}

/**
 * A Learning Credential signed with `issuer`'s private key (a local signer) and bound to `holder`'s public key;
 * the rest of the input (facts, now, status, jti) is passed as given.
 */
export const issueWithKeys = (
  issuer: { privateJwk: Jwk },
  holder: { publicJwk: Jwk },
  input: Omit<IssueLearningCredentialInput, 'holderJwk' | 'signer'>,
): Promise<string> => issueLearningCredential({ ...input, holderJwk: holder.publicJwk, signer: localSigner(issuer.privateJwk) });

const decodeSegment = (segment: string): unknown => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));

/** The issuer JWT's header and payload and the decoded disclosures of a compact SD-JWT, read without any library. */
export function readSdJwt(token: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  disclosures: unknown[][];
  keyBindingJwt: string;
} {
  const [jwt, ...rest] = token.split('~');
  const keyBindingJwt = rest.pop() as string;
  const [header, payload] = jwt.split('.').map((part, i) => (i < 2 ? decodeSegment(part) : part));
  return {
    header: header as Record<string, unknown>,
    payload: payload as Record<string, unknown>,
    disclosures: rest.map((d) => decodeSegment(d) as unknown[]),
    keyBindingJwt,
  };
}
