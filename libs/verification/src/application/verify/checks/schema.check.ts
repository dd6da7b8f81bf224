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
  const asSchemaWants: JsonObject = proof && !Array.isArray(proof) ? { ...document, proof: [proof] } : { ...document };
  // VC 2.0 lets credentialStatus be a list (a revocation and a suspension entry); the OB 3.0.3 schema allows one
  // object. Each entry is held to the schema's CredentialStatus, and the list itself is a warning, not a failure.
  const statuses = Array.isArray(document.credentialStatus) ? (document.credentialStatus as JsonObject[]) : undefined;
  const variants =
    statuses && statuses.length > 0 ? statuses.map((entry) => ({ ...asSchemaWants, credentialStatus: entry })) : [asSchemaWants];
  const errors = variants.flatMap((v, i) =>
    validateAchievementCredentialSchema(v).errors.map((e) =>
      statuses ? { ...e, path: e.path.replace(/^\/credentialStatus/, `/credentialStatus/${i}`) } : e,
    ),
  );
  const unique = [...new Map(errors.map((e) => [`${e.path} ${e.message}`, e])).values()];
  if (unique.length === 0 && statuses) {
    return check(
      'schema',
      'warning',
      `It has the structure of an Open Badges 3.0 credential, except that it carries ${statuses.length} status entries: VC 2.0 allows a list, the Open Badges 3.0.3 schema one object.`,
      [
        {
          code: 'STATUS_ENTRIES_LIST',
          message: 'credentialStatus is a list; Open Badges 3.0.3 validators that apply the JSON schema will refuse it',
        },
      ],
    );
  }
  if (unique.length === 0) return check('schema', 'passed', 'It has the structure of an Open Badges 3.0 credential.');
  return check(
    'schema',
    'failed',
    `It does not have the structure of an Open Badges 3.0 credential (${unique.length} problem${unique.length > 1 ? 's' : ''}).`,
    unique.slice(0, 20).map((e) => ({ code: 'SCHEMA_VIOLATION', message: `${e.path}: ${e.message}` })),
  );
}
