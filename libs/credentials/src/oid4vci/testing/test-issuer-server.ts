// Test-only: mounts the protocol functions on node:http over a tiny in-memory state, as the issuance service will.
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Jwk } from '@openid4vc/oauth2';
import { credentialResponse, deferredCredentialResponse, handleCredentialRequest } from '../credential-endpoint';
import type { PreAuthorizedOffer } from '../credential-offer';
import { deferredCredentialsResponse, handleDeferredCredentialRequest } from '../deferred-credential-endpoint';
import { createIssuerProtocol, issuerJwks, type IssuerProtocol } from '../issuer-protocol';
import { signCompactJws } from '../jws';
import { privateJwkSigner } from '../jwt-signer';
import { handleNonceRequest } from '../nonce-endpoint';
import { handleNotificationRequest, notificationAccepted } from '../notification-endpoint';
import { protocolError, type ProtocolResponse } from '../protocol-response';
import { handleTokenRequest } from '../token-endpoint';
import { json, readBody } from './http-helpers';
import { codeLookup, createTestOffer, newTestIssuerState, type TestIssuerState } from './in-memory-issuer-state';

export type { TestIssuerState } from './in-memory-issuer-state';

export interface TestIssuer {
  issuerUrl: string;
  protocol: IssuerProtocol;
  state: TestIssuerState;
  /** Creates an offer for `configurationIds`; returns its links and, if asked for, the tx_code. */
  offer(
    configurationIds: string[],
    options?: { withTxCode?: boolean; expiresInSeconds?: number },
  ): Promise<{
    offerId: string;
    links: PreAuthorizedOffer;
    txCode?: string;
  }>;
  close(): Promise<void>;
}

/** Starts the server on a free port of 127.0.0.1. `now` replaces the protocol clock. */
export async function startTestIssuer(now?: () => Date): Promise<TestIssuer> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuerUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signer = privateJwkSigner({ ...(privateKey.export({ format: 'jwk' }) as Jwk), kid: 'issuer-key-1' }, 'ES256');
  const protocol = createIssuerProtocol({
    issuerUrl,
    display: [{ name: 'Test University', locale: 'en' }],
    accessTokenSigner: signer,
    nonceSecret: randomBytes(32),
    ...(now ? { now } : {}),
  });
  const state = newTestIssuerState();
  const codes = codeLookup(state);
  const routes: Record<string, (req: IncomingMessage, body: unknown, url: string) => Promise<ProtocolResponse<unknown>>> = {
    'GET /.well-known/openid-credential-issuer': async () => json(protocol.credentialIssuerMetadata),
    'GET /.well-known/oauth-authorization-server': async () => json(protocol.authorizationServerMetadata),
    'GET /jwks': async () => json(issuerJwks(protocol)),
    'POST /token': async (req, body, url) => {
      const result = await handleTokenRequest(
        protocol,
        { method: 'POST', url, headers: req.headers, body: body as Record<string, unknown> },
        codes,
      );
      if (result.ok) state.offers.get(result.offerId)!.redeemed = true;
      return result;
    },
    'POST /nonce': async () => handleNonceRequest(protocol),
    'POST /credential': async (req, body, url) => {
      const result = await handleCredentialRequest(protocol, { method: 'POST', url, headers: req.headers, body });
      if (!result.ok) return result;
      // Stand-in for the real credential builders: a JWS the issuer key signs over the bound holder key.
      const credential = await signCompactJws(
        signer,
        { alg: 'ES256', typ: 'test-credential+jwt' },
        { sub: result.offerId, cnf: { jwk: result.holderKeys[0] }, configuration: result.configurationId },
      );
      if (state.deferIssuance) {
        const transactionId = randomUUID();
        state.deferred.set(transactionId, {
          offerId: result.offerId,
          configurationId: result.configurationId,
          holderKeys: result.holderKeys,
          credential,
        });
        return deferredCredentialResponse(protocol, { transactionId, interval: 5 });
      }
      state.issued.push({ offerId: result.offerId, configurationId: result.configurationId, holderKeys: result.holderKeys, credential });
      return credentialResponse(protocol, result, [credential], `n-${result.offerId}`);
    },
    'POST /deferred-credential': async (req, body, url) => {
      const result = await handleDeferredCredentialRequest(protocol, { method: 'POST', url, headers: req.headers, body });
      if (!result.ok) return result;
      const pending = state.deferred.get(result.transactionId);
      if (!pending || pending.offerId !== result.offerId) return protocolError('invalid_transaction_id');
      if (state.deferIssuance) return deferredCredentialResponse(protocol, { transactionId: result.transactionId, interval: 5 });
      // Issued once: the transaction id is spent (§9.1).
      state.deferred.delete(result.transactionId);
      state.issued.push(pending);
      return deferredCredentialsResponse(protocol, [pending.credential], `n-${pending.offerId}`);
    },
    'POST /notification': async (req, body, url) => {
      const result = await handleNotificationRequest(protocol, { method: 'POST', url, headers: req.headers, body });
      if (!result.ok) return result;
      if (result.notificationId !== `n-${result.offerId}`) return protocolError('invalid_notification_id');
      state.notifications.push({ offerId: result.offerId, notificationId: result.notificationId, event: result.event });
      return notificationAccepted();
    },
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0];
      const body = await readBody(req);
      (state.received[`${req.method} ${path}`] ??= []).push(body);
      const offerMatch = /^\/credential-offer\/(.+)$/.exec(path);
      const offerState = offerMatch ? state.offers.get(decodeURIComponent(offerMatch[1])) : undefined;
      const route = routes[`${req.method} ${path}`];
      const answer = offerState?.offer
        ? json(offerState.offer.offer)
        : route
          ? await route(req, body, `${issuerUrl}${req.url}`)
          : { status: 404, headers: {}, body: null };
      res.writeHead(answer.status, { ...(answer.body === null ? {} : { 'Content-Type': 'application/json' }), ...answer.headers });
      res.end(answer.body === null ? undefined : JSON.stringify(answer.body));
    })().catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
  });

  return {
    issuerUrl,
    protocol,
    state,
    offer: (configurationIds, options = {}) => createTestOffer(protocol, state, configurationIds, options, now),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
