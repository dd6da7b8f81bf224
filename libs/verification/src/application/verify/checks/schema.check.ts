import { type JsonObject, validateAchievementCredentialSchema } from '@alliance/credentials';
import { check, type VerificationCheck } from '../../../domain/report/verification-check';

/** The Open Badges 3.0 AchievementCredential schema, for credentials that say they are one. */
export function schemaCheck(document: JsonObject): VerificationCheck {
  const types = ([] as unknown[]).concat(document.type ?? []);
  if (!types.includes('AchievementCredential') && !types.includes('OpenBadgeCredential')) {
    return check('schema', 'not-applicable', 'It is not an Open Badges credential, so the Open Badges schema does not apply.');
  }
  // The bundled schema copy wants `proof` as a list; VC Data Integrity and the 1EdTech validator also accept one object.
  const proof = document.proof;
  const result = validateAchievementCredentialSchema(proof && !Array.isArray(proof) ? { ...document, proof: [proof] } : document);
  if (result.valid) return check('schema', 'passed', 'It has the structure of an Open Badges 3.0 credential.');
  return check(
    'schema',
    'failed',
    `It does not have the structure of an Open Badges 3.0 credential (${result.errors.length} problem${result.errors.length > 1 ? 's' : ''}).`,
    result.errors.slice(0, 20).map((e) => ({ code: 'SCHEMA_VIOLATION', message: `${e.path}: ${e.message}` })),
  );
}
