import { join } from 'node:path';

/** URL of the W3C Verifiable Credentials 2.0 base context. */
export const VC_V2_CONTEXT_URL = 'https://www.w3.org/ns/credentials/v2';
/** URL of the W3C Bitstring Status List context (its terms are also in the VC 2.0 context). */
export const STATUS_LIST_V1_CONTEXT_URL = 'https://www.w3.org/ns/credentials/status/v1';
/** URL of the Open Badges 3.0 context. */
export const OB_V3_CONTEXT_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/**
 * URL of the first version of this project's micro-credential extension context. It names a reserved domain that
 * never resolves, so only verifiers holding a copy can process it; credentials issued with it keep verifying here
 * from the bundled copy. New credentials name version 2 where the platform serves it: {@link microcredentialContextUrl}.
 */
export const MICROCREDENTIAL_V1_CONTEXT_URL = 'https://alliance-credentials.example/contexts/microcredential/v1';

/** A context resolved offline: its URL, where its bytes are, and the SHA-256 they must have. */
export interface BundledContext {
  url: string;
  /** Hex SHA-256 of the exact bytes. */
  sha256: string;
  /** Absolute path of the file holding the bytes. */
  file?: string;
  /** The bytes themselves, instead of a file. */
  content?: string | Uint8Array;
}

const dir = join(__dirname, '..', 'contexts');

/**
 * The contexts credentials of this platform use. The W3C digests are the ones the VC 2.0 and BSL 1.0
 * Recommendations print. The Open Badges file is the copy the 1EdTech validator resolves for that URL; it
 * adds `jti` and `endorsementJwt` to the spec repository's copy and changes no existing term.
 */
export const BUNDLED_CONTEXTS: readonly BundledContext[] = [
  {
    url: VC_V2_CONTEXT_URL,
    sha256: '59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734',
    file: join(dir, 'credentials-v2.jsonld'),
  },
  {
    url: STATUS_LIST_V1_CONTEXT_URL,
    sha256: 'fda5add353231e6a6884a46b12e6c75464281900cb348284d9c360f62381d9f7',
    file: join(dir, 'credentials-status-v1.jsonld'),
  },
  {
    url: OB_V3_CONTEXT_URL,
    sha256: '3d34f4d4ef1bce691106e63798beb5e7b862ba841423f5ee1e53ab7ddf3bca84',
    file: join(dir, 'ob-v3p0-context-3.0.3.json'),
  },
  {
    url: MICROCREDENTIAL_V1_CONTEXT_URL,
    sha256: 'a94e201bc521bfe6a74ccf371b626b0a4d38b8c451c3a5db8ee0aba4aa1600e8',
    file: join(dir, 'microcredential-v1.jsonld'),
  },
];
