import { randomUUID } from 'node:crypto';
import { SIGNER_TOKEN_AUDIENCE } from './signer-protocol';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A short-lived JWT (compact JWS, EdDSA) the signer proves itself with, signed inside its key store: the key
 * cannot be exported, so the token is assembled here and only the signing input goes to the store.
 */
export async function signerToken(input: {
  institutionId: string;
  verificationMethodId: string;
  sign: (data: Uint8Array) => Promise<Uint8Array>;
  now?: Date;
  lifetimeSeconds?: number;
}): Promise<string> {
  const iat = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const header = b64({ alg: 'EdDSA', typ: 'JWT', kid: input.verificationMethodId });
  const payload = b64({
    iss: input.institutionId,
    sub: input.institutionId,
    aud: SIGNER_TOKEN_AUDIENCE,
    iat,
    exp: iat + (input.lifetimeSeconds ?? 120),
    jti: randomUUID(),
  });
  const signature = await input.sign(new TextEncoder().encode(`${header}.${payload}`));
  return `${header}.${payload}.${Buffer.from(signature).toString('base64url')}`;
}
