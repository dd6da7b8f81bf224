import type { Jwk } from '@openid4vc/oauth2';
import type { CredentialResponse, DeferredCredentialResponse, ParseCredentialRequestReturn } from '@openid4vc/openid4vci';
import { ValidationError } from '@openid4vc/utils';
import { accessTokenProtected } from './access-token';
import type { IssuerProtocol } from './issuer-protocol';
import { verifyJwtProofs } from './key-proof';
import { fromLibraryError, NO_STORE, protocolError, type ProtocolFailure, type ProtocolResponse } from './protocol-response';

/** Port for `credential_identifier` values, which only exist if authorization details were granted. */
export interface CredentialIdentifierResolver {
  /** The configuration id behind `credentialIdentifier` for `offerId`, or `undefined` when unknown. */
  resolve(credentialIdentifier: string, offerId: string): Promise<string | undefined>;
}

/** A credential request that may be served: who asked, for what, and the keys to bind to. */
export interface VerifiedCredentialRequest {
  ok: true;
  offerId: string;
  configurationId: string;
  /** One proven holder public key per credential to issue. */
  holderKeys: Jwk[];
  /** The library's parse of the request, needed to build the response. */
  parsed: ParseCredentialRequestReturn;
}

/**
 * Credential endpoint, request side (§8.2): access token, request shape (1.0: `credential_configuration_id`
 * or `credential_identifier`, `proofs.jwt`), then every key proof. Errors are the §8.3.1 codes; nothing is
 * issued here. The caller builds the credentials and answers with {@link credentialResponse} or
 * {@link deferredCredentialResponse}.
 */
export const handleCredentialRequest = accessTokenProtected(
  'refuse',
  async (
    protocol,
    authorized,
    ports: { credentialIdentifiers?: CredentialIdentifierResolver } = {},
  ): Promise<VerifiedCredentialRequest | ProtocolFailure> => {
    const { body } = authorized;
    // 1.0 names the credential by configuration or identifier only; `format` requests belong to the drafts.
    if ('format' in body) return protocolError('invalid_credential_request', 'format is not a 1.0 credential request parameter');

    let parsed: ParseCredentialRequestReturn;
    try {
      parsed = protocol.issuer.parseCredentialRequest({
        issuerMetadata: protocol.issuerMetadata,
        credentialRequest: body,
      });
    } catch (error) {
      if (error instanceof ValidationError) return protocolError('invalid_credential_request', 'The credential request is malformed');
      return fromLibraryError(error);
    }

    let configurationId = parsed.credentialConfigurationId;
    if (parsed.credentialIdentifier !== undefined) {
      configurationId = await ports.credentialIdentifiers?.resolve(parsed.credentialIdentifier, authorized.offerId);
      if (!configurationId) return protocolError('unknown_credential_identifier');
    }
    if (!configurationId) return protocolError('invalid_credential_request', 'credential_configuration_id is required');
    if (authorized.credentialConfigurationIds && !authorized.credentialConfigurationIds.includes(configurationId)) {
      // The token does not cover this credential: an authorization error (§8.3.1.1, RFC 6750 §3.1).
      return {
        ...protocolError('insufficient_scope', 'The access token was not granted for this credential', 403),
        headers: { ...NO_STORE, 'WWW-Authenticate': 'Bearer error="insufficient_scope"' },
      };
    }

    // `proofs` is what 1.0 defines. Wallets still on the drafts (Sphereon's client among them) send one key proof as
    // `proof: { proof_type: 'jwt', jwt }`: read alone, it is that one proof, under exactly the same checks.
    const proofs = (body as { proofs?: Record<string, unknown> }).proofs;
    const draftProof = proofs ? undefined : draftJwtProof((body as { proof?: unknown }).proof);
    if (!proofs && !draftProof) return protocolError('invalid_proof', 'proofs is required for this credential');
    const jwts = draftProof ? [draftProof] : parsed.proofs?.jwt;
    if (!jwts || (proofs && Object.keys(proofs).length !== 1))
      return protocolError('invalid_proof', 'Only the jwt proof type is supported');
    if (jwts.length > protocol.limits.batchSize) {
      return protocolError('invalid_credential_request', `At most ${protocol.limits.batchSize} key proof(s) per request`);
    }

    const proven = await verifyJwtProofs(protocol, configurationId, jwts);
    if (!proven.ok) return proven;
    return { ok: true, offerId: authorized.offerId, configurationId, holderKeys: proven.holderKeys, parsed };
  },
);

/** The JWT of a drafts-style single key proof (`{ proof_type: 'jwt', jwt }`), or undefined for anything else. */
function draftJwtProof(proof: unknown): string | undefined {
  const { proof_type: type, jwt } = (proof && typeof proof === 'object' ? proof : {}) as { proof_type?: unknown; jwt?: unknown };
  return type === 'jwt' && typeof jwt === 'string' && jwt.length > 0 ? jwt : undefined;
}

/** An issued credential: a string (e.g. an SD-JWT VC) or a JSON object (a Data Integrity VC, A.1.2). */
export type IssuedCredential = string | Record<string, unknown>;

/** 200 answer of the credential endpoint: `{ credentials: [{ credential }], notification_id? }` (§8.3). */
export async function credentialResponse(
  protocol: IssuerProtocol,
  verified: VerifiedCredentialRequest,
  credentials: IssuedCredential[],
  notificationId?: string,
): Promise<ProtocolResponse<CredentialResponse>> {
  if (credentials.length === 0 || credentials.length > verified.holderKeys.length) {
    throw new Error('Issue between one credential and one per proven key');
  }
  const { credentialResponse: body } = await protocol.issuer.createCredentialResponse({
    credentialRequest: verified.parsed,
    credentials: credentials.map((credential) => ({ credential })),
    ...(notificationId ? { notificationId } : {}),
  });
  return { status: 200, headers: { ...NO_STORE }, body };
}

/**
 * 202 answer when issuance is deferred (§8.3, §9.2): `{ transaction_id, interval }`; used by both the
 * credential and the deferred credential endpoints.
 */
export async function deferredCredentialResponse(
  protocol: IssuerProtocol,
  deferral: { transactionId: string; interval: number },
): Promise<ProtocolResponse<DeferredCredentialResponse>> {
  if (!(deferral.interval > 0)) throw new Error('interval must be a positive number of seconds');
  const { deferredCredentialResponse: body } = await protocol.issuer.createDeferredCredentialResponse(deferral);
  return { status: 202, headers: { ...NO_STORE }, body };
}
