// SD-JWT VC Type Metadata of the EUDI Learning Credential. eudi-learning-credential.type-metadata.json beside this module
// is a byte copy of the EUDI reference issuer's file:
// eu-digital-identity-wallet/eudi-srv-pid-issuer src/main/resources/vct/learning_credential.json (028821e4, 2026-04-06,
// sha256 1ab0ccb1f5a1dce549f8ebca0a190b4a4245d62bfd072854efa775151bc04475). Standard data: do not edit; a spec
// compares it with that file. Wallets show these labels and learn which claims are mandatory and which are SD.
// The build copies the JSON file next to the compiled module, as it does the JSON-LD contexts. Its name differs
// from this module's, so that `require` of the module (which tries `.json` before a registered `.ts`) finds this one.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TypeMetadata } from './type-metadata';

/** The type metadata to serve for `vct` `urn:eu.europa.ec.eudi:learning:credential:1`. */
export const LEARNING_CREDENTIAL_TYPE_METADATA: TypeMetadata = JSON.parse(
  readFileSync(join(__dirname, 'eudi-learning-credential.type-metadata.json'), 'utf8'),
) as TypeMetadata;
