import { preAuthorizedCodeGrantIdentifier, type AccessTokenResponse } from '@openid4vc/oauth2';
import { toRequestLike, type HttpRequest } from './http-request';
import type { IssuerProtocol } from './issuer-protocol';
import { offerCodeMatchesHash } from './offer-codes';
import { fromLibraryError, NO_STORE, protocolError, type ProtocolFailure, type ProtocolResponse } from './protocol-response';

/** What the issuance service knows about a pre-authorized code, read from its event store. */
export interface PreAuthorizedCodeRecord {
  offerId: string;
  /** {@link hashOfferCode} of the transaction code, when the offer asked for one. */
  txCodeHash?: string;
  expiresAt: Date;
  redeemed: boolean;
  /** The offered configurations; when given, the access token is limited to them (§6.1). */
  credentialConfigurationIds?: string[];
}

/** Port to the issuance service's state of pre-authorized codes. */
export interface PreAuthorizedCodeLookup {
  /** The record of `preAuthorizedCode`, or `undefined` when no offer carries it. */
  lookup(preAuthorizedCode: string): Promise<PreAuthorizedCodeRecord | undefined>;
}

/** Why a token request was refused, for the service's audit trail and tx_code attempt counting. */
export type TokenRefusal =
  'malformed' | 'unknown_code' | 'redeemed' | 'expired' | 'tx_code_missing' | 'tx_code_unexpected' | 'wrong_tx_code';

/** A granted token request. The caller MUST record the redemption before answering (single use, §4.1.1). */
export interface TokenGranted extends ProtocolResponse<AccessTokenResponse> {
  ok: true;
  offerId: string;
}

/** A refused token request. */
export interface TokenRefused extends ProtocolFailure {
  reason: TokenRefusal;
  /** Known when the code was found, so repeated wrong tx_codes can invalidate the offer (errata 1). */
  offerId?: string;
}

/** Claim in the access token listing the configurations it may be used for. */
export const TOKEN_CONFIGURATIONS_CLAIM = 'credential_configuration_ids';

/**
 * Token endpoint for the pre-authorized code grant (§6). The library parses the form body and checks the code's
 * expiry; the transaction code is compared here because the store keeps only its hash. Errors follow §6.3:
 * `invalid_grant` for an unknown, expired or redeemed code or a wrong tx_code, `invalid_request` for a
 * missing or unexpected tx_code or a malformed request.
 *
 * The redemption is not recorded here: the caller appends it with an expected stream revision, so two
 * concurrent requests with one code cannot both succeed.
 */
export async function handleTokenRequest(
  protocol: IssuerProtocol,
  request: HttpRequest & { body: Record<string, unknown> },
  codes: PreAuthorizedCodeLookup,
): Promise<TokenGranted | TokenRefused> {
  const requestLike = toRequestLike(request);
  const { authorizationServer, authorizationServerMetadata } = protocol;
  let parsed;
  try {
    parsed = authorizationServer.parseAccessTokenRequest({
      request: requestLike,
      accessTokenRequest: request.body,
      authorizationServerMetadata,
    });
  } catch (error) {
    return { ...fromLibraryError(error), reason: 'malformed' };
  }
  const { grant, accessTokenRequest } = parsed;
  if (grant.grantType !== preAuthorizedCodeGrantIdentifier) return refuse('unsupported_grant_type', 'malformed');

  const record = await codes.lookup(grant.preAuthorizedCode);
  if (!record) return refuse('invalid_grant', 'unknown_code', 'Unknown pre-authorized_code');
  // Said the same way as an unknown code, so a replay tells an attacker nothing more.
  if (record.redeemed) return refuse('invalid_grant', 'redeemed', 'Unknown pre-authorized_code', record.offerId);
  const now = protocol.now();
  if (now.getTime() > record.expiresAt.getTime()) return refuse('invalid_grant', 'expired', 'Expired pre-authorized_code', record.offerId);

  if (record.txCodeHash !== undefined) {
    if (grant.txCode === undefined) return refuse('invalid_request', 'tx_code_missing', 'Missing tx_code', record.offerId);
    if (!offerCodeMatchesHash(grant.txCode, record.txCodeHash))
      return refuse('invalid_grant', 'wrong_tx_code', 'Invalid tx_code', record.offerId);
  } else if (grant.txCode !== undefined) {
    return refuse('invalid_request', 'tx_code_unexpected', 'Unexpected tx_code', record.offerId);
  }

  try {
    // The tx_code has been matched above, so the library gets it as its expected value; it still checks the
    // code, the expiry and any DPoP or client attestation the wallet sent.
    await authorizationServer.verifyPreAuthorizedCodeAccessTokenRequest({
      authorizationServerMetadata,
      grant,
      accessTokenRequest,
      request: requestLike,
      expectedPreAuthorizedCode: grant.preAuthorizedCode,
      expectedTxCode: grant.txCode,
      preAuthorizedCodeExpiresAt: record.expiresAt,
      now,
    });
  } catch (error) {
    return { ...fromLibraryError(error), reason: 'malformed', offerId: record.offerId };
  }

  const body = await authorizationServer.createAccessTokenResponse({
    authorizationServer: authorizationServerMetadata.issuer,
    audience: protocol.endpoints.credentialIssuer,
    subject: record.offerId,
    expiresInSeconds: protocol.limits.accessTokenTtlSeconds,
    signer: { method: 'custom', alg: protocol.accessTokenSigner.alg, ...kidOf(protocol) },
    now,
    ...(record.credentialConfigurationIds
      ? { additionalAccessTokenPayload: { [TOKEN_CONFIGURATIONS_CLAIM]: record.credentialConfigurationIds } }
      : {}),
  });
  return { ok: true, status: 200, headers: { ...NO_STORE, Pragma: 'no-cache' }, body, offerId: record.offerId };
}

function kidOf(protocol: IssuerProtocol): { kid?: string } {
  return protocol.accessTokenSigner.kid ? { kid: protocol.accessTokenSigner.kid } : {};
}

function refuse(error: string, reason: TokenRefusal, description?: string, offerId?: string): TokenRefused {
  return { ...protocolError(error, description), reason, ...(offerId ? { offerId } : {}) };
}
