import { IsIn, IsOptional, IsString, IsUrl, Matches, MinLength, ValidateIf } from 'class-validator';
import { IntegerSetting } from './integer-setting.decorator';
import { Secret } from './secret.decorator';

export const EVENT_STORE_KINDS = ['embedded', 'postgres', 'kurrentdb'] as const;
export const BUS_KINDS = ['in-process', 'kafka'] as const;
export const READ_MODEL_KINDS = ['pglite', 'postgres'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Settings every service shares. Each service reads them from its environment; in distributed mode each
 * process gets its own values (port, database, consumer group).
 */
export class ServiceConfig {
  @IntegerSetting(0, 65535)
  PORT = 3000;

  @IsString()
  @Matches(/^[0-9.:a-fA-F]+$|^localhost$/, { message: 'HOST must be an IP address or localhost' })
  HOST = '127.0.0.1';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @IsIn(EVENT_STORE_KINDS)
  EVENT_STORE: (typeof EVENT_STORE_KINDS)[number] = 'embedded';

  @IsString()
  @MinLength(1)
  DATA_DIR = '.data';

  @ValidateIf((c: ServiceConfig) => c.EVENT_STORE === 'postgres' || c.READ_MODEL === 'postgres')
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  @Secret()
  DATABASE_URL?: string = undefined;

  @ValidateIf((c: ServiceConfig) => c.EVENT_STORE === 'kurrentdb')
  @Matches(/^(kurrentdb|esdb|kdb)(\+discover)?:\/\//, {
    message: 'KURRENTDB_CONNECTION_STRING must be a kurrentdb:// or esdb:// connection string',
  })
  @Secret()
  KURRENTDB_CONNECTION_STRING?: string = undefined;

  @IsIn(READ_MODEL_KINDS)
  READ_MODEL: (typeof READ_MODEL_KINDS)[number] = 'pglite';

  @IsIn(BUS_KINDS)
  BUS: (typeof BUS_KINDS)[number] = 'in-process';

  @ValidateIf((c: ServiceConfig) => c.BUS === 'kafka')
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be a comma-separated host:port list' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  @IntegerSetting(1, 1000)
  KAFKA_PARTITIONS = 6;

  /** Contexts whose messages carry learners' personal data: their topics (and every dead-letter/replay topic) get a bounded retention. */
  @Matches(/^[a-z-]+(,[a-z-]+)*$/, { message: 'KAFKA_PERSONAL_DATA_SOURCES must be a comma-separated list of context names' })
  KAFKA_PERSONAL_DATA_SOURCES = 'enrolment';

  /** How long those topics keep records: the longest a learner's name and e-mail stay on the brokers after an erasure. */
  @IntegerSetting(1, 8760)
  KAFKA_PERSONAL_DATA_RETENTION_HOURS = 168;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  AUTH_JWKS_URL?: string = undefined;

  @ValidateIf((c: ServiceConfig) => !c.AUTH_JWKS_URL)
  @IsString()
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters' })
  @Secret()
  AUTH_JWT_SECRET = 'development-only-secret-change-me-0000';

  @IsString()
  AUTH_ISSUER = 'alliance-platform';

  @IsString()
  AUTH_AUDIENCE = 'alliance-api';

  /** Longest lifetime a bearer token may have (exp - iat), in seconds; tokens without exp are refused. */
  @IntegerSetting(60, 31 * 24 * 3600)
  AUTH_MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_BASE_URL = 'http://127.0.0.1:3000';

  @IntegerSetting(100)
  SHUTDOWN_TIMEOUT_MS = 10000;

  /**
   * How long a projection may be behind without its checkpoint moving before `/health/ready` calls it stuck
   * (503). Behind but moving, it is `catching-up` and the service stays ready.
   */
  @IntegerSetting(1000)
  PROJECTION_STUCK_AFTER_MS = 60000;

  /**
   * How long one readiness report (every check, including the storage write probe) answers further
   * `/health/ready` probes, in ms: frequent polling then costs one round of checks per interval. 0 = check on
   * every probe. A storage fault a writer meets is reported at once regardless.
   */
  @IntegerSetting(0, 60_000)
  HEALTH_READY_CACHE_MS = 1000;

  /**
   * Admission control (README, Operations): the 99th percentile event-loop delay, in ms, over a 200 ms window
   * above which the process counts as saturated and reads (GET and anonymous requests, never health probes)
   * are throttled so background work keeps its pace. 0 switches admission control off.
   */
  @IntegerSetting(0, 10_000)
  ADMISSION_LOOP_DELAY_MS = 50;

  /** Reads in flight per service while the process is not saturated (the throttle grows back to it). */
  @IntegerSetting(1, 100_000)
  ADMISSION_MAX_IN_FLIGHT = 64;

  /**
   * Reads in flight per service at the deepest throttle. 0: while the process stays saturated reads only wait
   * (background work first, strictly); they are answered 503 once they waited ADMISSION_QUEUE_TIMEOUT_MS.
   */
  @IntegerSetting(0, 100_000)
  ADMISSION_MIN_IN_FLIGHT = 2;

  /** Longest pause between two reads admitted per service while the process stays saturated at the floor, in ms (0: no pacing). */
  @IntegerSetting(0, 60_000)
  ADMISSION_MAX_PAUSE_MS = 100;

  /** Reads that may wait for a place per service; beyond, 503 `service.overloaded` with Retry-After. */
  @IntegerSetting(0, 100_000)
  ADMISSION_QUEUE_LENGTH = 256;

  /** How long a read may wait for a place, in ms, before it is answered 503 `service.overloaded`. */
  @IntegerSetting(1, 600_000)
  ADMISSION_QUEUE_TIMEOUT_MS = 5000;

  /** Requests per minute one client address may make to the service's public routes (429 beyond; 0 = no limit). */
  @IntegerSetting(0, 1_000_000)
  PUBLIC_RATE_LIMIT_PER_MINUTE = 120;

  /** Largest JSON request body, in bytes (413 beyond). */
  @IntegerSetting(1024, 100 * 1024 * 1024)
  HTTP_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

  /** Deepest nesting of a JSON request body (400 beyond, refused before the body is parsed). */
  @IntegerSetting(4, 256)
  HTTP_JSON_MAX_DEPTH = 32;

  /** Longest string value of a JSON request body, in characters (400 beyond); routes carrying signed documents are exempt. */
  @IntegerSetting(100, 10 * 1024 * 1024)
  HTTP_TEXT_MAX_LENGTH = 10_000;

  /**
   * Express `trust proxy`: how to find the client address behind a reverse proxy, which the rate limit counts by.
   * A hop count (`1`), `true`, or comma-separated addresses/subnets of the proxies; unset = the socket's address.
   */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string = undefined;
}
