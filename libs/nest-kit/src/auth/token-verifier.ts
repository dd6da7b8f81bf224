import { createRemoteJWKSet, jwtVerify, type JWTPayload, SignJWT } from 'jose';
import { type AuthenticatedActor, type Role, ROLES } from '../context/request-context';

export interface AuthSettings {
  AUTH_JWKS_URL?: string;
  AUTH_JWT_SECRET?: string;
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
  /** Longest lifetime a token may have, in seconds (default 24 hours). */
  AUTH_MAX_TOKEN_LIFETIME_SECONDS?: number;
}

export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

export class InvalidTokenError extends Error {}

/**
 * Verifies bearer JWTs against a JWKS URL or a local shared key, and reads the actor claims. A token must
 * expire (`exp`), and within the configured lifetime of when it was issued (`iat`, else now): a leaked token
 * is then worthless after at most that long.
 */
export class TokenVerifier {
  private readonly key: Parameters<typeof jwtVerify>[1];

  constructor(private readonly settings: AuthSettings) {
    this.key = settings.AUTH_JWKS_URL
      ? createRemoteJWKSet(new URL(settings.AUTH_JWKS_URL))
      : new TextEncoder().encode(requireSecret(settings));
  }

  async verify(token: string): Promise<AuthenticatedActor> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key as Uint8Array, {
        issuer: this.settings.AUTH_ISSUER,
        audience: this.settings.AUTH_AUDIENCE,
        requiredClaims: ['exp'],
      }));
    } catch (e) {
      throw new InvalidTokenError(`invalid token: ${(e as Error).message}`);
    }
    const maxLifetime = maxTokenLifetime(this.settings);
    const now = Math.floor(Date.now() / 1000);
    const issuedAt = typeof payload.iat === 'number' && payload.iat <= now ? payload.iat : now;
    if (payload.exp! - issuedAt > maxLifetime) {
      throw new InvalidTokenError(
        `invalid token: it is valid for ${payload.exp! - issuedAt} s, longer than the ${maxLifetime} s this service accepts`,
      );
    }
    const role = payload['role'];
    if (typeof payload.sub !== 'string' || typeof role !== 'string' || !ROLES.includes(role as Role)) {
      throw new InvalidTokenError('token must carry sub and a known role');
    }
    const institution = payload['institution'];
    return { subject: payload.sub, role: role as Role, ...(typeof institution === 'string' ? { institution } : {}) };
  }
}

/** Mints a token signed with the local key: for development, the CLI and tests. */
export async function mintToken(actor: AuthenticatedActor, settings: AuthSettings, ttlSeconds = 3600): Promise<string> {
  const maxLifetime = maxTokenLifetime(settings);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > maxLifetime) {
    throw new RangeError(
      `token lifetime must be a whole number of seconds from 1 to ${maxLifetime} (AUTH_MAX_TOKEN_LIFETIME_SECONDS), got ${ttlSeconds}`,
    );
  }
  return new SignJWT({ role: actor.role, ...(actor.institution ? { institution: actor.institution } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(actor.subject)
    .setIssuer(settings.AUTH_ISSUER)
    .setAudience(settings.AUTH_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(new TextEncoder().encode(requireSecret(settings)));
}

function requireSecret(settings: AuthSettings): string {
  if (!settings.AUTH_JWT_SECRET) throw new Error('AUTH_JWT_SECRET is required when AUTH_JWKS_URL is not set');
  return settings.AUTH_JWT_SECRET;
}

function maxTokenLifetime(settings: AuthSettings): number {
  return settings.AUTH_MAX_TOKEN_LIFETIME_SECONDS ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
}
