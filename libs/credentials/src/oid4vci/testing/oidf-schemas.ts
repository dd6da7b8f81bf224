// Test-only: the OpenID Foundation conformance suite's JSON Schemas for OpenID4VCI 1.0, from the shared vectors.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * The schemas' folder in the shared vectors, which sit beside the repository clone: found from the repository root
 * (the first folder up with a package.json), so it resolves from the sources and from a build alike.
 */
function schemaDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return resolve(dir, '..', 'shared', 'vectors', 'oid4vci-1.0', 'oidf-conformance-schemas');
}

/** The schema files, registered under their file names so a `$ref` to a sibling file resolves. */
function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const folder = schemaDir();
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
    ajv.addSchema(JSON.parse(readFileSync(join(folder, file), 'utf8')) as object, file);
  }
  return ajv;
}

// Built on first use: the library's barrel exports this helper, and a service loading it reads no vectors.
let ajv: Ajv2020 | undefined;

/** The OIDF schemas of the vectors, by file name. */
export type OidfSchema =
  'credential_issuer_metadata-1_0.json' | 'credential_offer-1_0.json' | 'credential_request-1_0.json' | 'type_metadata.json';

/** The schema violations of `data`, as `instancePath: message` lines; empty when valid. */
export function oidfViolations(schema: OidfSchema, data: unknown): string[] {
  ajv ??= createAjv();
  const validate = ajv.getSchema(schema);
  if (!validate) throw new Error(`schema ${schema} not loaded`);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'} ${JSON.stringify(e.params)}`);
}
