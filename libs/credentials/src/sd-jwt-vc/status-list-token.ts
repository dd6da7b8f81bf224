import { createHeaderAndPayload, StatusList } from '@sd-jwt/jwt-status-list';
import { epochSeconds } from './calendar-date';
import type { JwsSigner } from './jws-signer';

/** The media type a Status List Token in JWT form is served as (draft-ietf-oauth-status-list, section 5.1). */
export const STATUS_LIST_JWT_MEDIA_TYPE = 'application/statuslist+jwt';

/** The status values of a Token Status List entry the platform writes (section 7.1); 3 and above are not used. */
export const TOKEN_STATUS = Object.freeze({ VALID: 0, INVALID: 1, SUSPENDED: 2 } as const);

/** The name of a Token Status List value: VALID, INVALID (revoked for good) or SUSPENDED. */
export type TokenStatus = keyof typeof TOKEN_STATUS;

/** Two bits per entry: enough for VALID, INVALID and SUSPENDED. */
const BITS_PER_STATUS = 2;

/** Input of {@link buildStatusListToken}. */
export interface StatusListTokenInput {
  /** The token's own URI, as the credentials it covers name it in `status.status_list.uri`; its `sub`. */
  uri: string;
  /** The issuer of the credentials it covers, so a verifier checks both with the same key. */
  iss: string;
  /** Number of entries (every index a credential may hold, so a credential hides among all of them). */
  length: number;
  /** The entries that are not VALID; every other entry is VALID. */
  entries: Iterable<{ idx: number; status: TokenStatus }>;
  signer: JwsSigner;
  /** Issuance instant (`iat`). */
  now: Date;
  /** How long a verifier may cache the token before fetching it again (`ttl`). */
  ttlSeconds: number;
  /** How long the token is valid (`exp` = `iat` + this). */
  lifetimeSeconds: number;
}

/**
 * Builds and signs a Status List Token in JWT form (draft-ietf-oauth-status-list, section 5.1): header `typ`
 * `statuslist+jwt`, claims `iss`, `sub` (its URI), `iat`, `exp`, `ttl` and `status_list` (`bits` and the
 * DEFLATE-compressed, base64url `lst`), as `@sd-jwt/jwt-status-list` lays them out.
 */
export async function buildStatusListToken(input: StatusListTokenInput): Promise<string> {
  const { uri, iss, length, signer, now, ttlSeconds, lifetimeSeconds } = input;
  if (!Number.isSafeInteger(length) || length <= 0) throw new TypeError('length must be a positive integer');
  const list = new StatusList(new Array<number>(length).fill(TOKEN_STATUS.VALID), BITS_PER_STATUS);
  for (const { idx, status } of input.entries) {
    if (!Number.isSafeInteger(idx) || idx < 0 || idx >= length) throw new RangeError(`status list index ${idx} is outside [0, ${length})`);
    list.setStatus(idx, TOKEN_STATUS[status]);
  }
  const iat = epochSeconds(now);
  const { header, payload } = createHeaderAndPayload(
    list,
    { iss, sub: uri, iat, exp: iat + lifetimeSeconds, ttl: ttlSeconds },
    { alg: signer.alg, typ: 'statuslist+jwt', ...(signer.kid === undefined ? {} : { kid: signer.kid }) },
  );
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const signingInput = `${encode(header)}.${encode(payload)}`;
  return `${signingInput}.${await signer.sign(signingInput)}`;
}

/** The name of a status value read from a Token Status List; a value the platform never writes is an error. */
export function tokenStatusName(value: number): TokenStatus {
  const name = (Object.keys(TOKEN_STATUS) as TokenStatus[]).find((key) => TOKEN_STATUS[key] === value);
  if (name === undefined) throw new RangeError(`unknown Token Status List value ${value}`);
  return name;
}
