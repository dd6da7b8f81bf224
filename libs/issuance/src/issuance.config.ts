import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUrl, Matches, ValidateIf } from 'class-validator';
import { IntegerSetting, PersonalDataServiceConfig, Secret } from '@alliance/nest-kit';
import { STATUS_ENTRIES, type StatusEntries } from './application/issuance-settings';

export const CRYPTOSUITES = ['eddsa-rdfc-2022', 'eddsa-jcs-2022'] as const;

/** Where learners' mail goes: a file under DATA_DIR (development) or an SMTP server. */
export const LEARNER_MAIL_KINDS = ['file', 'smtp'] as const;

/** `smtp://` or `smtps://`, optional `user:password@`, a host name or IP address, an optional port; nothing after. */
const SMTP_URL = /^smtps?:\/\/([^\s:@/?#]+(:[^\s@/?#]*)?@)?([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?\/?$/;

/** `Display name <local@domain>` or a bare `local@domain`, on one line. */
const MAILBOX = /^([^\r\n<>@"]*|"[^\r\n"]*")\s*<[^\s<>@"]+@[A-Za-z0-9.-]+>$|^[^\s<>@"]+@[A-Za-z0-9.-]+$/;

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

  /** `file` (default): learners' mail goes to `<DATA_DIR>/mail/learner-mail.jsonl`, for development. `smtp`: to SMTP_URL. */
  @IsIn(LEARNER_MAIL_KINDS)
  LEARNER_MAIL: (typeof LEARNER_MAIL_KINDS)[number] = 'file';

  /**
   * The SMTP server learners' mail is handed to, required with LEARNER_MAIL=smtp: `smtps://user:password@host:465`
   * (TLS from the start) or `smtp://host:587` (STARTTLS, see SMTP_REQUIRE_TLS). User and password URL-encoded.
   */
  @ValidateIf((c: IssuanceConfig) => c.LEARNER_MAIL === 'smtp' || c.SMTP_URL !== undefined)
  @Matches(SMTP_URL, {
    message:
      'SMTP_URL must be set with LEARNER_MAIL=smtp, as smtp://host:587 or smtps://user:password@host:465 (URL-encoded user and password, no path, query or fragment)',
  })
  @Secret()
  SMTP_URL?: string = undefined;

  /** Sender of learners' mail, required with LEARNER_MAIL=smtp: `Alliance credentials <no-reply@alliance.example>`. */
  @ValidateIf((c: IssuanceConfig) => c.LEARNER_MAIL === 'smtp' || c.SMTP_FROM !== undefined)
  @Matches(MAILBOX, {
    message: 'SMTP_FROM must be set with LEARNER_MAIL=smtp, as a mailbox: Alliance credentials <no-reply@alliance.example>',
  })
  SMTP_FROM?: string = undefined;

  /**
   * `true` (default): on `smtp://` the server must offer STARTTLS, or nothing is sent (a loopback relay is trusted
   * without). `false`: STARTTLS is used when offered, else the mail goes in clear. `smtps://` is always TLS.
   */
  @Transform(({ value }: { value: unknown }) => booleanSetting(value))
  @IsBoolean({ message: 'SMTP_REQUIRE_TLS must be true or false' })
  SMTP_REQUIRE_TLS = true;

  /**
   * Milliseconds to connect, to be greeted, and of silence in any exchange with the SMTP server: past it the
   * send fails and the process manager tries again later.
   */
  @IntegerSetting(1000, 600_000)
  SMTP_TIMEOUT_MS = 30_000;
}

/** `true`/`1` and `false`/`0` (any case); anything else is left for validation to refuse. */
function booleanSetting(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  return text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : value;
}
