import type { DeferredCredentialResponse } from '@openid4vc/openid4vci';
import { ValidationError } from '@openid4vc/utils';
import { accessTokenProtected } from './access-token';
import type { IssuedCredential } from './credential-endpoint';
import type { IssuerProtocol } from './issuer-protocol';
import { fromLibraryError, NO_STORE, protocolError, type ProtocolFailure, type ProtocolResponse } from './protocol-response';

/** A deferred credential request from a holder of a valid access token. */
export interface DeferredCredentialRequestAccepted {
  ok: true;
  offerId: string;
  transactionId: string;
}

/**
 * Deferred credential endpoint, request side (§9.1). The caller looks the transaction up and answers with
 * {@link deferredCredentialsResponse}, `deferredCredentialResponse` (still pending, 202) or
 * `protocolError('invalid_transaction_id')` when the id is unknown, already used or belongs to another offer.
 */
export const handleDeferredCredentialRequest = accessTokenProtected(
  'refuse',
  async (protocol, { offerId, body }): Promise<DeferredCredentialRequestAccepted | ProtocolFailure> => {
    try {
      const { deferredCredentialRequest } = protocol.issuer.parseDeferredCredentialRequest({
        issuerMetadata: protocol.issuerMetadata,
        deferredCredentialRequest: body,
      });
      return { ok: true, offerId, transactionId: deferredCredentialRequest.transaction_id };
    } catch (error) {
      if (error instanceof ValidationError) return protocolError('invalid_credential_request', 'transaction_id is required');
      return fromLibraryError(error);
    }
  },
);

/** 200 answer of the deferred endpoint once the credentials exist (§9.2). */
export async function deferredCredentialsResponse(
  protocol: IssuerProtocol,
  credentials: IssuedCredential[],
  notificationId?: string,
): Promise<ProtocolResponse<DeferredCredentialResponse>> {
  if (credentials.length === 0) throw new Error('A deferred credential response carries at least one credential');
  const { deferredCredentialResponse: body } = await protocol.issuer.createDeferredCredentialResponse({
    credentials: credentials.map((credential) => ({ credential })),
    ...(notificationId ? { notificationId } : {}),
  });
  return { status: 200, headers: { ...NO_STORE }, body };
}
