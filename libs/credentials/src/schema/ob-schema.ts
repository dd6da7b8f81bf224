import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** One schema violation. */
export interface SchemaViolation {
  path: string;
  message: string;
}

/** Result of {@link validateAchievementCredentialSchema}. */
export interface SchemaValidationResult {
  valid: boolean;
  errors: SchemaViolation[];
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(join(__dirname, 'ob_v3p0_achievementcredential_schema.json'), 'utf8')) as object;
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    addFormats(ajv);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

/**
 * Validates a credential against the bundled Open Badges 3.0 AchievementCredential JSON Schema (2019-09).
 * That schema requires `proof`, when present, to be a list and `credentialStatus` to be one object.
 */
export function validateAchievementCredentialSchema(credential: unknown): SchemaValidationResult {
  const validate = validator();
  const valid = validate(credential) as boolean;
  return {
    valid,
    errors: (validate.errors ?? []).map((e) => ({
      path: e.instancePath || '/',
      message: `${e.message ?? 'invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
    })),
  };
}
