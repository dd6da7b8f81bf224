import { decodeJwt, type Jwk } from '@openid4vc/oauth2';
import { didMethodOf } from './holder-key';
import type { IssuerProtocol } from './issuer-protocol';
import { verifyCNonce } from './nonce-endpoint';
import { fromLibraryError, protocolError, type ProtocolFailure } from './protocol-response';

const PROOF_TYP = 'openid4vci-proof+jwt';

/** The holder keys proven by a request's `jwt` key proofs, one per proof. */
export interface ProvenKeys {
  ok: true;
  holderKeys: Jwk[];
}

/**
 * Verifies `jwt` key proofs (Appendix F.1, F.4) for one credential configuration. Checked here: `typ`, an `alg`
 * the configuration lists, a key reference the configuration's binding methods allow, a `nonce` that is a
 * live `c_nonce` of this issuer (else `invalid_nonce`), and a fresh `iat`. The library then checks the
 * signature against the header's key, `aud` = the Credential Issuer Identifier and the nonce again.
 */
export async function verifyJwtProofs(
  protocol: IssuerProtocol,
  configurationId: string,
  jwts: string[],
): Promise<ProvenKeys | ProtocolFailure> {
  const configuration = protocol.credentialIssuerMetadata.credential_configurations_supported[configurationId];
  const algs = configuration?.proof_types_supported?.jwt?.proof_signing_alg_values_supported ?? [];
  const bindings = configuration?.cryptographic_binding_methods_supported ?? [];
  const holderKeys: Jwk[] = [];
  const seen = new Set<string>();
  for (const jwt of jwts) {
    const checked = await verifyOne(protocol, jwt, algs, bindings);
    if (!checked.ok) return checked;
    // Each key binds at most one credential (§8.3), so one key proven twice is one key too many.
    const id = keyIdentity(checked.key);
    if (seen.has(id)) return protocolError('invalid_proof', 'The same key is proven twice');
    seen.add(id);
    holderKeys.push(checked.key);
  }
  return { ok: true, holderKeys };
}

async function verifyOne(
  protocol: IssuerProtocol,
  jwt: string,
  algs: string[],
  bindings: string[],
): Promise<{ ok: true; key: Jwk } | ProtocolFailure> {
  let decoded;
  try {
    decoded = decodeJwt({ jwt });
  } catch {
    return protocolError('invalid_proof', 'The key proof is not a JWT');
  }
  const { header, payload } = decoded;
  if (header.typ !== PROOF_TYP) return protocolError('invalid_proof', `The key proof typ must be ${PROOF_TYP}`);
  if (!algs.includes(header.alg))
    return protocolError('invalid_proof', `Key proofs for this credential are signed with ${algs.join(' or ')}`);
  const bindingProblem = bindingRefusal(header, bindings);
  if (bindingProblem) return protocolError('invalid_proof', bindingProblem);

  if (typeof payload.nonce !== 'string') return protocolError('invalid_proof', 'The key proof has no nonce');
  const nonceExpiresAt = verifyCNonce(protocol, payload.nonce);
  if (!nonceExpiresAt) return protocolError('invalid_nonce', 'The c_nonce is not valid; request a new one');

  const now = protocol.now();
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const { proofMaxAgeSeconds, clockSkewSeconds } = protocol.limits;
  if (typeof payload.iat !== 'number') return protocolError('invalid_proof', 'The key proof has no iat');
  if (payload.iat > nowSeconds + clockSkewSeconds || payload.iat < nowSeconds - proofMaxAgeSeconds) {
    return protocolError('invalid_proof', 'The key proof iat is outside the accepted window');
  }

  try {
    const { signer } = await protocol.issuer.verifyCredentialRequestJwtProof({
      issuerMetadata: protocol.issuerMetadata,
      jwt,
      expectedNonce: payload.nonce,
      nonceExpiresAt,
      now,
    });
    return { ok: true, key: signer.publicJwk };
  } catch (error) {
    return fromLibraryError(error);
  }
}

/** Why the proof's key reference is not allowed for the configuration, or `undefined` when it is. */
function bindingRefusal(header: { jwk?: unknown; kid?: string; x5c?: unknown }, bindings: string[]): string | undefined {
  if (header.x5c !== undefined) return 'x5c key proofs are not supported';
  if (header.jwk !== undefined) {
    // A bare JWK is also acceptable where did:jwk is, since the credential builder can state it as a did:jwk.
    return bindings.includes('jwk') || bindings.includes('did:jwk') ? undefined : `Bind with one of ${bindings.join(', ')}`;
  }
  const method = didMethodOf(header.kid);
  if (!method) return 'The key proof names no key (jwk or a DID URL in kid)';
  return bindings.includes(method) ? undefined : `Bind with one of ${bindings.join(', ')}`;
}

function keyIdentity(jwk: Jwk): string {
  return JSON.stringify([jwk.kty, jwk.crv, jwk.x, jwk.y, jwk.n, jwk.e]);
}
