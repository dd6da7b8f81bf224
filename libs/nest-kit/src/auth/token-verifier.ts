import { createRemoteJWKSet, jwtVerify, type JWTPayload, SignJWT } from 'jose';
import { type AuthenticatedActor, type Role, ROLES } from '../context/request-context';

export interface AuthSettings {
  AUTH_JWKS_URL?: string;
  AUTH_JWT_SECRET?: string;
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
}

export class InvalidTokenError extends Error {}

/** Verifies bearer JWTs against a JWKS URL or a local shared key, and reads the actor claims. */
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
      ({ payload } = await jwtVerify(token, this.key as Uint8Array, { issuer: this.settings.AUTH_ISSUER, audience: this.settings.AUTH_AUDIENCE }));
    } catch (e) {
      throw new InvalidTokenError(`invalid token: ${(e as Error).message}`);
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
