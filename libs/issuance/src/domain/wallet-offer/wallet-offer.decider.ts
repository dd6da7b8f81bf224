import { type DecisionContext, defineDecider } from '@alliance/event-sourcing';
import { IssuanceException } from '../issuance.exception';
import type { DeliverToWallet, OfferCredentialToWallet, RedeemWalletOffer, WalletOfferCommand } from './wallet-offer.commands';
import type { RedemptionRefusal, WalletOfferEvent } from './wallet-offer.events';
import { MAX_RECORDED_REFUSALS, MAX_WRONG_TX_CODES, OFFERABLE_LIFECYCLES, offerViolations } from './wallet-offer.rules';
import { evolveWalletOffer, initialWalletOfferState, type WalletOffer, type WalletOfferState } from './wallet-offer.state';

const at = (context: DecisionContext, plusSeconds = 0) => new Date(context.now.getTime() + plusSeconds * 1000).toISOString();

/**
 * One offer of a credential to a learner's wallet (OpenID4VCI, pre-authorized code): offered, redeemed once by a
 * wallet, then the credential handed over per configuration, bound to the wallet's key. Refused redemptions and
 * failed requests are recorded too, so auditors see every step.
 */
export function decideWalletOffer(command: WalletOfferCommand, state: WalletOfferState, context: DecisionContext): WalletOfferEvent[] {
  if (command.type === 'OfferCredentialToWallet') return offer(command, state, context);
  const offer_ = requireOffer(state);
  switch (command.type) {
    case 'RedeemWalletOffer':
      return redeem(command, offer_, context);
    case 'DeliverToWallet':
      return deliver(command, offer_, context);
    case 'RecordWalletDeliveryFailure': {
      if (offer_.failures >= MAX_RECORDED_REFUSALS) return [];
      const { configurationId, error, description } = command;
      return [
        {
          type: 'WalletDeliveryFailed',
          data: { offerId: offer_.offerId, ...(configurationId ? { configurationId } : {}), error, description, failedAt: at(context) },
        },
      ];
    }
    case 'RecordWalletNotification': {
      const delivered = Object.values(offer_.deliveries).some((d) => d.notificationId === command.notificationId);
      if (!delivered) {
        throw new IssuanceException(
          'issuance.wallet-offer.notification-unknown',
          `no credential of offer ${offer_.offerId} was delivered with notification id ${command.notificationId}`,
          'notification_id',
        );
      }
      if (offer_.notifications[command.notificationId] === command.event) return [];
      const { notificationId, event, description } = command;
      return [
        {
          type: 'WalletNotified',
          data: { offerId: offer_.offerId, notificationId, event, ...(description ? { description } : {}), notifiedAt: at(context) },
        },
      ];
    }
  }
}

function offer(command: OfferCredentialToWallet, state: WalletOfferState, context: DecisionContext): WalletOfferEvent[] {
  if (state) throw new IssuanceException('issuance.wallet-offer.exists', `offer ${state.offerId} was already made`);
  if (!OFFERABLE_LIFECYCLES.includes(command.credentialLifecycle)) {
    throw new IssuanceException(
      'issuance.wallet-offer.credential-not-valid',
      `credential ${command.credentialId} is ${command.credentialLifecycle}: only a valid credential is offered to a wallet`,
    );
  }
  const broken = offerViolations(command);
  if (broken.length > 0) throw IssuanceException.invalid(broken);
  const { credentialId, learnerId, configurationIds, txCode } = command;
  return [
    {
      type: 'CredentialOffered',
      data: {
        offerId: command.offerId,
        credentialId,
        learnerId,
        configurationIds: [...configurationIds],
        ...(txCode ? { txCode } : {}),
        offeredAt: at(context),
        expiresAt: at(context, command.ttlSeconds),
        offeredBy: { subject: context.actor.subject, ...(context.actor.role ? { role: context.actor.role } : {}) },
      },
    },
  ];
}

function redeem(command: RedeemWalletOffer, offer_: WalletOffer, context: DecisionContext): WalletOfferEvent[] {
  const refusal = redemptionRefusal(command, offer_, context);
  if (!refusal) {
    return [
      {
        type: 'OfferRedeemed',
        data: { offerId: offer_.offerId, redeemedAt: at(context), accessTokenExpiresAt: at(context, command.accessTokenTtlSeconds) },
      },
    ];
  }
  if (offer_.refusals >= MAX_RECORDED_REFUSALS) throw redemptionRefused(offer_.offerId, refusal);
  const wrongCodes = offer_.wrongCodes + (refusal === 'transaction-code-wrong' ? 1 : 0);
  const refused: WalletOfferEvent = {
    type: 'OfferRedemptionRefused',
    data: { offerId: offer_.offerId, reason: refusal, wrongCodes, refusedAt: at(context) },
  };
  if (wrongCodes >= MAX_WRONG_TX_CODES && offer_.stage === 'offered') {
    return [refused, { type: 'OfferLocked', data: { offerId: offer_.offerId, wrongCodes, lockedAt: at(context) } }];
  }
  return [refused];
}

function redemptionRefusal(command: RedeemWalletOffer, offer_: WalletOffer, context: DecisionContext): RedemptionRefusal | undefined {
  if (offer_.stage === 'locked') return 'locked';
  if (offer_.stage === 'redeemed') return 'already-redeemed';
  if (context.now.getTime() >= Date.parse(offer_.expiresAt)) return 'expired';
  if (!offer_.txCode || command.txCode === 'matches') return undefined;
  return command.txCode === 'missing' ? 'transaction-code-missing' : 'transaction-code-wrong';
}

/** What a refused redemption answers, whether or not the refusal was recorded. */
export function redemptionRefused(offerId: string, reason: RedemptionRefusal): IssuanceException {
  return new IssuanceException('issuance.wallet-offer.redemption-refused', `offer ${offerId} cannot be redeemed: ${reason}`, undefined, {
    reason,
  });
}

function deliver(command: DeliverToWallet, offer_: WalletOffer, context: DecisionContext): WalletOfferEvent[] {
  if (offer_.stage !== 'redeemed') {
    throw new IssuanceException('issuance.wallet-offer.not-redeemed', `offer ${offer_.offerId} has not been redeemed by a wallet`);
  }
  const { configurationId, holderKeyThumbprint } = command;
  if (!offer_.configurationIds.includes(configurationId)) {
    throw new IssuanceException(
      'issuance.wallet-offer.configuration-not-offered',
      `offer ${offer_.offerId} does not offer ${configurationId}`,
      'credential_configuration_id',
    );
  }
  if (!OFFERABLE_LIFECYCLES.includes(command.credentialLifecycle)) {
    throw new IssuanceException(
      'issuance.wallet-offer.credential-not-valid',
      `credential ${offer_.credentialId} is ${command.credentialLifecycle} and is no longer handed over`,
    );
  }
  const earlier = offer_.deliveries[configurationId];
  if (earlier?.deliveredAt) {
    throw new IssuanceException(
      'issuance.wallet-offer.already-delivered',
      `${configurationId} of offer ${offer_.offerId} was already delivered`,
    );
  }
  if (earlier && earlier.holderKeyThumbprint !== holderKeyThumbprint) {
    throw new IssuanceException(
      'issuance.wallet-offer.holder-key-mismatch',
      'the deferred credential is bound to the key of the wallet that asked for it first',
    );
  }
  const base = {
    offerId: offer_.offerId,
    credentialId: offer_.credentialId,
    learnerId: offer_.learnerId,
    configurationId,
    holderKeyThumbprint,
  };
  if ('deferred' in command.outcome) {
    if (earlier) return [];
    const { transactionId, holderJwk } = command.outcome.deferred;
    return [{ type: 'WalletDeliveryDeferred', data: { ...base, holderJwk, transactionId, deferredAt: at(context) } }];
  }
  return [
    {
      type: 'CredentialDeliveredToWallet',
      data: { ...base, notificationId: command.outcome.delivered.notificationId, deliveredAt: at(context) },
    },
  ];
}

function requireOffer(state: WalletOfferState): WalletOffer {
  if (!state) throw new IssuanceException('issuance.wallet-offer.not-found', 'no such credential offer');
  return state;
}

export const walletOfferDecider = defineDecider({
  decide: decideWalletOffer,
  evolve: evolveWalletOffer,
  initialState: initialWalletOfferState,
});
