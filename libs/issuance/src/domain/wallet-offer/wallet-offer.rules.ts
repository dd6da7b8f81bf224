/** The credential configurations issuance offers to wallets (OpenID4VCI `credential_configuration_id`s, as its issuer metadata names them). */
export const WALLET_CONFIGURATIONS = {
  /** The co-signed Open Badges 3.0 credential, bound to the wallet's DID (`ldp_vc`). */
  openBadge: 'OpenBadgeCredential_ldp_vc',
  /** The EUDI Learning Credential as an SD-JWT VC, bound to the wallet's key (`dc+sd-jwt`). */
  learningCredential: 'LearningCredential_dc+sd-jwt',
} as const;

export type WalletConfigurationId = (typeof WALLET_CONFIGURATIONS)[keyof typeof WALLET_CONFIGURATIONS];

export const isWalletConfiguration = (id: string): id is WalletConfigurationId =>
  (Object.values(WALLET_CONFIGURATIONS) as string[]).includes(id);

/** An offer lives at least five minutes (time to scan a code) and at most thirty days. */
export const OFFER_TTL_SECONDS = { min: 300, max: 30 * 24 * 3600 } as const;

/** A transaction code of 4 to 8 digits: long enough with the lock below, short enough to type from an e-mail. */
export const TX_CODE_LENGTH = { min: 4, max: 8 } as const;

/** Wrong transaction codes before the offer locks: guessing a 6-digit code then succeeds once in 200,000 offers. */
export const MAX_WRONG_TX_CODES = 5;

/**
 * Refusals and failures recorded per offer. Past it a refusal is still answered, but not written again, so a
 * wallet (or an attacker) repeating a request cannot grow the stream without bound.
 */
export const MAX_RECORDED_REFUSALS = 20;

/** Lifecycles in which a credential may be offered: issued, or still collecting co-signers' proofs (deferred). */
export const OFFERABLE_LIFECYCLES: readonly string[] = ['issued', 'collecting-proofs'];
