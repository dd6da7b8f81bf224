import { randomUUID } from 'node:crypto';
import {
  credentialResponse,
  deferredCredentialResponse,
  deferredCredentialsResponse,
  handleCredentialRequest,
  handleDeferredCredentialRequest,
  handleNotificationRequest,
  type HttpRequest,
  type Jwk,
  notificationAccepted,
  protocolError,
  type ProtocolFailure,
  verifyAccessToken,
} from '@alliance/credentials';
import { isDomainError } from '@alliance/event-sourcing';
import { calculateJwkThumbprint } from 'jose';
import type { DeliverToWallet } from '../../domain/wallet-offer/wallet-offer.commands';
import { IssuanceAggregates } from '../issuance-aggregates';
import type { WalletCredentials } from './wallet-credentials';
import { walletActor, type WalletProtocol } from './wallet-protocol';

type WalletRequest = HttpRequest & { body: unknown };

/** How often a wallet polls the deferred endpoint while awarding bodies are still signing. */
const DEFERRED_INTERVAL_SECONDS = 30;

/** The offer's decisions answered as the OpenID4VCI errors a wallet understands. */
const DENIALS: Record<string, string> = {
  'issuance.wallet-offer.configuration-not-offered': 'unknown_credential_configuration',
  'issuance.wallet-offer.notification-unknown': 'invalid_notification_id',
};

/**
 * The credential, deferred credential and notification endpoints over wallet offers. A credential is produced
 * first and handed out only once its delivery is recorded in the offer's stream, so a wallet never holds a
 * credential the log does not show, and a configuration is delivered once. Failed requests of a known offer are
 * recorded as failures.
 */
export class WalletDelivery {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly credentials: WalletCredentials,
    private readonly wallet: WalletProtocol,
  ) {}

  async credential(request: WalletRequest) {
    const protocol = this.wallet.protocol;
    const verified = await handleCredentialRequest(protocol, request);
    if (!verified.ok) return this.failed(request, verified);
    const { offerId, configurationId } = verified;
    const holderJwk = verified.holderKeys[0] as Jwk;
    const offer = (await this.aggregates.walletOffer.load(offerId)).state;
    const credential = offer && (await this.aggregates.credential.load(offer.credentialId)).state;
    if (!offer || !credential)
      return this.record(offerId, protocolError('credential_request_denied', 'the offer is unknown'), configurationId);
    const produced = await this.credentials.produce(credential, configurationId, holderJwk);
    if ('denied' in produced) return this.record(offerId, protocolError('credential_request_denied', produced.denied), configurationId);
    const thumbprint = await calculateJwkThumbprint(holderJwk as never);
    if ('pending' in produced) {
      const transactionId = randomUUID();
      const refused = await this.deliver(offerId, configurationId, thumbprint, credential.lifecycle, {
        deferred: { transactionId, holderJwk: { ...holderJwk } },
      });
      return refused ?? deferredCredentialResponse(protocol, { transactionId, interval: DEFERRED_INTERVAL_SECONDS });
    }
    const notificationId = randomUUID();
    const refused = await this.deliver(offerId, configurationId, thumbprint, credential.lifecycle, { delivered: { notificationId } });
    return refused ?? credentialResponse(protocol, verified, [produced.credential], notificationId);
  }

  async deferred(request: WalletRequest) {
    const protocol = this.wallet.protocol;
    const accepted = await handleDeferredCredentialRequest(protocol, request);
    if (!accepted.ok) return accepted;
    const offer = (await this.aggregates.walletOffer.load(accepted.offerId)).state;
    const waiting = Object.entries(offer?.deliveries ?? {}).find(
      ([, d]) => d.transactionId === accepted.transactionId && !d.deliveredAt && d.holderJwk,
    );
    if (!offer || !waiting) return protocolError('invalid_transaction_id');
    const [configurationId, delivery] = waiting;
    const credential = (await this.aggregates.credential.load(offer.credentialId)).state!;
    const produced = await this.credentials.produce(credential, configurationId, delivery.holderJwk as Jwk);
    if ('denied' in produced)
      return this.record(offer.offerId, protocolError('credential_request_denied', produced.denied), configurationId);
    if ('pending' in produced) {
      return deferredCredentialResponse(protocol, { transactionId: accepted.transactionId, interval: DEFERRED_INTERVAL_SECONDS });
    }
    const notificationId = randomUUID();
    const refused = await this.deliver(offer.offerId, configurationId, delivery.holderKeyThumbprint, credential.lifecycle, {
      delivered: { notificationId },
    });
    return refused ?? deferredCredentialsResponse(protocol, [produced.credential], notificationId);
  }

  async notification(request: WalletRequest) {
    const received = await handleNotificationRequest(this.wallet.protocol, request);
    if (!received.ok) return received;
    const { offerId, notificationId, event, eventDescription } = received;
    try {
      await this.aggregates.walletOffer.handle(
        offerId,
        { type: 'RecordWalletNotification', notificationId, event, ...(eventDescription ? { description: eventDescription } : {}) },
        walletActor(offerId),
      );
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return protocolError(DENIALS[error.code] ?? 'invalid_notification_request', error.message);
    }
    return notificationAccepted();
  }

  /** Records the delivery (or deferral); a refusal by the offer's stream comes back as the wallet's error. */
  private async deliver(
    offerId: string,
    configurationId: string,
    holderKeyThumbprint: string,
    credentialLifecycle: string,
    outcome: DeliverToWallet['outcome'],
  ): Promise<ProtocolFailure | undefined> {
    try {
      await this.aggregates.walletOffer.handle(
        offerId,
        { type: 'DeliverToWallet', configurationId, holderKeyThumbprint, credentialLifecycle, outcome },
        walletActor(offerId),
      );
      return undefined;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return this.record(offerId, protocolError(DENIALS[error.code] ?? 'credential_request_denied', error.message), configurationId);
    }
  }

  /** A refused request of a known offer, recorded as a failed delivery (at most a bounded number per offer). */
  private async failed(request: WalletRequest, failure: ProtocolFailure): Promise<ProtocolFailure> {
    const authorized = await verifyAccessToken(this.wallet.protocol, request);
    return authorized.ok ? this.record(authorized.offerId, failure) : failure;
  }

  private async record(offerId: string, failure: ProtocolFailure, configurationId?: string): Promise<ProtocolFailure> {
    const body = failure.body as { error?: string; error_description?: string };
    await this.aggregates.walletOffer
      .handle(
        offerId,
        {
          type: 'RecordWalletDeliveryFailure',
          ...(configurationId ? { configurationId } : {}),
          error: body.error ?? 'unknown',
          description: body.error_description ?? '',
        },
        walletActor(offerId),
      )
      .catch(() => undefined);
    return failure;
  }
}
