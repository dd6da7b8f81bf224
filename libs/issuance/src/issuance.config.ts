import { IsIn, IsOptional, IsUrl, Matches } from 'class-validator';
import { PersonalDataServiceConfig, Secret } from '@alliance/nest-kit';
import { STATUS_ENTRIES, type StatusEntries } from './application/issuance-settings';

export const CRYPTOSUITES = ['eddsa-rdfc-2022', 'eddsa-jcs-2022'] as const;

/** The issuance service's own settings on top of the shared ones. */
export class IssuanceConfig extends PersonalDataServiceConfig {
  /**
   * Seals every private key the platform holds for institutions: 32 random bytes, 64 hex or 44 base64
   * characters. Required outside the embedded mode; on the embedded defaults one is generated under DATA_DIR.
   */
  @IsOptional()
  @Matches(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, {
    message: 'ISSUANCE_MASTER_KEY must be 32 bytes: 64 hex characters or 43/44 base64 characters',
  })
  @Secret()
  ISSUANCE_MASTER_KEY?: string = undefined;

  /** Cryptosuite of new proofs: eddsa-rdfc-2022 is what Open Badges 3.0 certification lists. */
  @IsIn(CRYPTOSUITES)
  ISSUANCE_CRYPTOSUITE: (typeof CRYPTOSUITES)[number] = 'eddsa-rdfc-2022';

  /**
   * Base URL under which this service is reachable publicly: status lists are named under it in every
   * credential. Default: PUBLIC_BASE_URL when set, else the address the service listens on.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  ISSUANCE_PUBLIC_URL?: string = undefined;

  /**
   * Public base URL the platform's JSON-LD contexts are served under (`<url>/contexts/microcredential/v2`), as
   * credentials name them: a CDN or another host that serves the same bytes. Default: the public URL above, where
   * this service serves them itself. Verification and institution signers are given the same value.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @Matches(/^https?:\/\/[^?#@]+$/, { message: 'CONTEXT_BASE_URL must be an http(s) URL without credentials, query or fragment' })
  CONTEXT_BASE_URL?: string = undefined;

  /**
   * Status entries of new credentials. `revocation` (default): one revocation entry, so `credentialStatus` stays
   * the single object the Open Badges 3.0.3 schema allows, and those credentials cannot be suspended.
   * `revocation-and-suspension`: also a suspension entry (Bitstring Status List REC); `credentialStatus` is then a
   * list, valid VC 2.0 but outside the OB 3.0.3 JSON schema.
   */
  @IsIn(STATUS_ENTRIES)
  ISSUANCE_STATUS_ENTRIES: StatusEntries = 'revocation';

  /**
   * The employer page's public address (verification's `/verify`, e.g. `https://verify.alliance.example/verify`):
   * a learner's share link is this page with the link's token. Unset, no link can be made (the embedded platform
   * sets it to its own verification service).
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @Matches(/^https?:\/\/[^?#@]+$/, { message: 'VERIFY_PAGE_URL must be an http(s) URL without credentials, query or fragment' })
  VERIFY_PAGE_URL?: string = undefined;

  /** Consumer group on the bus: every replica of the service shares it (a test run may pick its own). */
  @Matches(/^[a-z0-9][a-z0-9._-]*$/, { message: 'ISSUANCE_CONSUMER_GROUP must be a lower-case group name' })
  ISSUANCE_CONSUMER_GROUP = 'issuance';
}
