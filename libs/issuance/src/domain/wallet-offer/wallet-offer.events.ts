/**
 * A learner's credential offered to a wallet over OpenID4VCI (pre-authorized code flow). Nothing secret is in the
 * events: the pre-authorized code and the transaction code are derived from the offer id with the issuer's offer
 * secret, so an auditor reads every step and nobody can redeem an offer from the log.
 */
export interface CredentialOffered {
  type: 'CredentialOffered';
  data: {
    offerId: string;
    credentialId: string;
    learnerId: string;
    /** The OpenID4VCI credential configurations offered (one credential, in one or more formats). */
    configurationIds: string[];
    /** The transaction code the wallet must send, delivered to the learner out of band; absent when none is asked. */
    txCode?: { length: number; inputMode: 'numeric' };
    offeredAt: string;
    expiresAt: string;
    offeredBy: { subject: string; role?: string };
  };
}

/** Why a wallet's redemption of the pre-authorized code was refused. */
export type RedemptionRefusal = 'transaction-code-wrong' | 'transaction-code-missing' | 'expired' | 'already-redeemed' | 'locked';

/** A wallet presented the offer's pre-authorized code and was refused (each refusal is kept, up to a bound). */
export interface OfferRedemptionRefused {
  type: 'OfferRedemptionRefused';
  data: { offerId: string; reason: RedemptionRefusal; wrongCodes: number; refusedAt: string };
}

/** Too many wrong transaction codes: the offer can no longer be redeemed; a new offer has to be made. */
export interface OfferLocked {
  type: 'OfferLocked';
  data: { offerId: string; wrongCodes: number; lockedAt: string };
}

/** The wallet exchanged the pre-authorized code (and transaction code) for an access token: the offer is claimed. */
export interface OfferRedeemed {
  type: 'OfferRedeemed';
  data: { offerId: string; redeemedAt: string; accessTokenExpiresAt: string };
}

/** Which credential goes to which wallet key, in which configuration: what a delivery and a deferral share. */
export interface WalletDeliveryTarget {
  offerId: string;
  credentialId: string;
  /** Whose key it is bound to: the wallet key is the learner's personal data, sealed with the learner's key. */
  learnerId: string;
  configurationId: string;
  /** RFC 7638 thumbprint of the wallet key the credential is bound to. */
  holderKeyThumbprint: string;
}

/** The credential, bound to the wallet's key, was handed to the wallet in one configuration. */
export interface CredentialDeliveredToWallet {
  type: 'CredentialDeliveredToWallet';
  data: WalletDeliveryTarget & { notificationId: string; deliveredAt: string };
}

/** The wallet asked for a configuration that cannot be handed over yet; it polls the deferred endpoint with the id. */
export interface WalletDeliveryDeferred {
  type: 'WalletDeliveryDeferred';
  /** `holderJwk`: the wallet's public key, to bind the credential to once it can be handed over. */
  data: WalletDeliveryTarget & { holderJwk: Record<string, unknown>; transactionId: string; deferredAt: string };
}

/** A credential request of a redeemed offer failed (a bad proof, a revoked credential, a signing failure). */
export interface WalletDeliveryFailed {
  type: 'WalletDeliveryFailed';
  data: { offerId: string; configurationId?: string; error: string; description: string; failedAt: string };
}

/** The wallet reported what became of a delivered credential (OpenID4VCI notification). */
export interface WalletNotified {
  type: 'WalletNotified';
  data: {
    offerId: string;
    notificationId: string;
    event: 'credential_accepted' | 'credential_failure' | 'credential_deleted';
    description?: string;
    notifiedAt: string;
  };
}

export type WalletOfferEvent =
  | CredentialOffered
  | OfferRedemptionRefused
  | OfferLocked
  | OfferRedeemed
  | CredentialDeliveredToWallet
  | WalletDeliveryDeferred
  | WalletDeliveryFailed
  | WalletNotified;
