import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUrl, Matches } from 'class-validator';
import { contextBaseUrlOf } from '@alliance/credentials';
import { ServiceConfig, stacked, IntegerSetting } from '@alliance/nest-kit';

/** `true`/`1` and `false`/`0` as environment variables give them (a plain Boolean conversion makes "false" true). */
function EnvBoolean(): PropertyDecorator {
  return stacked(
    Transform(({ obj, key }) => {
      const raw: unknown = (obj as Record<string, unknown>)[key];
      if (typeof raw === 'boolean') return raw;
      const text = String(raw).trim().toLowerCase();
      return text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : raw;
    }),
    IsBoolean(),
  );
}

/** An optional http(s) URL; a host without a top-level domain (a cluster service name) is accepted. */
function OptionalHttpUrl(options: { require_protocol?: true } = {}): PropertyDecorator {
  return stacked(IsOptional(), IsUrl({ require_tld: false, protocols: ['http', 'https'], ...options }));
}

/** The verification service's own settings on top of the shared ones. */
export class VerificationConfig extends ServiceConfig {
  /**
   * The public base URL the issuance service names status lists under in credentials. With
   * VERIFICATION_ISSUANCE_INTERNAL_URL, lists under it are fetched from the internal URL instead (a cluster
   * address, a test's random port); anything else is fetched from where the credential says.
   */
  @OptionalHttpUrl()
  VERIFICATION_ISSUANCE_PUBLIC_URL?: string = undefined;

  @OptionalHttpUrl()
  VERIFICATION_ISSUANCE_INTERNAL_URL?: string = undefined;

  /**
   * The public base URL this platform's issuance names its JSON-LD contexts under (issuance's CONTEXT_BASE_URL;
   * set the same value). The contexts at that URL and under VERIFICATION_ISSUANCE_PUBLIC_URL are read from the
   * bundled, digest-pinned copies; any other context URL is unknown, and no context is ever fetched.
   */
  @OptionalHttpUrl({ require_protocol: true })
  @Matches(/^https?:\/\/[^?#@]+$/, { message: 'CONTEXT_BASE_URL must be an http(s) URL without credentials, query or fragment' })
  CONTEXT_BASE_URL?: string = undefined;

  /**
   * The public base URL of the alliance catalogue, under which it hosts members' did:web documents
   * (`<url>/institutions/<id>/did.json`): reports label such DIDs platform-hosted. Defaults to PUBLIC_BASE_URL
   * when that is configured, as the catalogue's own default does.
   */
  @OptionalHttpUrl({ require_protocol: true })
  VERIFICATION_CATALOGUE_PUBLIC_URL?: string = undefined;

  /** How long to wait for a status list or a did:web document before reporting it could not be read. */
  @IntegerSetting(100, 60_000)
  VERIFICATION_FETCH_TIMEOUT_MS = 5000;

  /** How long connecting to a host, or a pause while reading from it, may last (within VERIFICATION_FETCH_TIMEOUT_MS). */
  @IntegerSetting(100, 60_000)
  VERIFICATION_FETCH_CONNECT_TIMEOUT_MS = 3000;

  /** Largest status list or did:web document read, in bytes, as sent and after content decoding. */
  @IntegerSetting(1024, 64 * 1024 * 1024)
  VERIFICATION_FETCH_MAX_BYTES = 2 * 1024 * 1024;

  /** Largest bitstring a status list may inflate to, in bytes; a larger one is refused (FETCH_TOO_LARGE) without inflating it further. */
  @IntegerSetting(16 * 1024, 256 * 1024 * 1024)
  VERIFICATION_STATUS_LIST_MAX_DECOMPRESSED_BYTES = 16 * 1024 * 1024;

  /**
   * Comma-separated hosts (`host` or `host:port`, IPv6 in brackets) that status lists and did:web documents may be
   * fetched from over plain http and at loopback, private or other non-public addresses. Every other host is
   * fetched over https only and only at public addresses. The VERIFICATION_ISSUANCE_INTERNAL_URL host is trusted
   * for the URLs rewritten to it without being listed here.
   */
  @IsOptional()
  @Matches(/^\s*(?:[a-zA-Z0-9.-]+|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?\s*(?:,\s*(?:[a-zA-Z0-9.-]+|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?\s*)*$/, {
    message: 'VERIFICATION_FETCH_ALLOW_HTTP_HOSTS must be a comma-separated list of host or host:port',
  })
  VERIFICATION_FETCH_ALLOW_HTTP_HOSTS?: string = undefined;

  /** Most status lists held in memory between verifications (least recently used first out); 0 turns the cache off. */
  @IntegerSetting(0, 100_000)
  VERIFICATION_STATUS_LIST_CACHE_MAX_ENTRIES = 1000;

  /** Most bytes of status lists held in memory. */
  @IntegerSetting(0, 1024 * 1024 * 1024)
  VERIFICATION_STATUS_LIST_CACHE_MAX_BYTES = 32 * 1024 * 1024;

  /** How long a status list is used without asking again when neither its `ttl` nor the server's Cache-Control says. */
  @IntegerSetting(0, 24 * 60 * 60_000)
  VERIFICATION_STATUS_LIST_CACHE_DEFAULT_TTL_MS = 5 * 60_000;

  /** Longest a status list is used without asking again, whatever its `ttl` and the server say. */
  @IntegerSetting(0, 24 * 60 * 60_000)
  VERIFICATION_STATUS_LIST_CACHE_MAX_TTL_MS = 60 * 60_000;

  /** Fetch did:web documents of issuers outside the alliance registry over HTTPS (alliance members come from the registry). */
  @EnvBoolean()
  VERIFICATION_RESOLVE_DID_WEB = true;

  /**
   * Read the did:web document each member that hosts its own publishes at its domain (HTTPS only, normal
   * certificate checks, VERIFICATION_FETCH_TIMEOUT_MS) and warn when it no longer lists the key that signed.
   */
  @EnvBoolean()
  VERIFICATION_CHECK_MEMBER_DID_DOCUMENTS = true;

  /** Largest credential POST /verifications accepts, in bytes (413 beyond); a credential is a few kilobytes. */
  override HTTP_BODY_LIMIT_BYTES = 1024 * 1024;

  /**
   * How long the result of checking a document is reused for the same bytes presented again (0 = never).
   * Any registry or credential status change received clears it; the limit bounds how late a change nobody
   * announces (another issuer's status list, a validity date passing) is seen.
   */
  @IntegerSetting(0, 10 * 60_000)
  VERIFICATION_RESULT_CACHE_TTL_MS = 5000;

  /** Documents whose result is held for reuse (least recently stored out first). */
  @IntegerSetting(0, 100_000)
  VERIFICATION_RESULT_CACHE_MAX_ENTRIES = 500;

  /**
   * Checks recorded one by one (a CredentialVerified event each, published to audit) per UTC day: the first
   * of the day for each credential and verdict, up to this many. Every other check is only counted.
   */
  @IntegerSetting(0, 1_000_000)
  VERIFICATION_RECORDS_PER_DAY = 1000;

  /** How often the counted checks are stored, as one VerificationsCounted event (also on shutdown). */
  @IntegerSetting(100, 24 * 60 * 60_000)
  VERIFICATION_TALLY_FLUSH_MS = 60_000;

  /** Consumer group on the bus: every replica of the service shares it (a test run may pick its own). */
  @Matches(/^[a-z0-9][a-z0-9._-]*$/, { message: 'VERIFICATION_CONSUMER_GROUP must be a lower-case group name' })
  VERIFICATION_CONSUMER_GROUP = 'verification';
}

const DEFAULT_PUBLIC_BASE_URL = new ServiceConfig().PUBLIC_BASE_URL;

/** Where the catalogue hosts platform DIDs, when this service can know it. */
export function catalogueUrlOf(config: VerificationConfig): string | undefined {
  return (
    config.VERIFICATION_CATALOGUE_PUBLIC_URL ?? (config.PUBLIC_BASE_URL !== DEFAULT_PUBLIC_BASE_URL ? config.PUBLIC_BASE_URL : undefined)
  );
}

/** The base URLs this platform serves its own contexts under, as verification knows them. */
export function contextBaseUrlsOf(config: VerificationConfig): string[] {
  const given = [config.CONTEXT_BASE_URL, config.VERIFICATION_ISSUANCE_PUBLIC_URL].filter((u): u is string => !!u);
  return [...new Set(given.map(contextBaseUrlOf))];
}
