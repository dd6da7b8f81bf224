import { violation, type Violation } from '../issuance.exception';
import type { OfferCredentialToWallet } from './wallet-offer.commands';

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

/** What is wrong with an offer's choices, each naming its field (empty when none). */
export function offerViolations(command: OfferCredentialToWallet): Violation[] {
  const out: Violation[] = [];
  const ids = command.configurationIds;
  if (!Array.isArray(ids) || ids.length === 0) {
    out.push(violation('configurationIds', 'wallet-offer.configuration-required', 'offer at least one credential configuration'));
  } else {
    ids.forEach((id, i) => {
      if (!isWalletConfiguration(id)) {
        out.push(
          violation(
            `configurationIds[${i}]`,
            'wallet-offer.configuration-unknown',
            `${id} is not a credential configuration of this issuer`,
          ),
        );
      } else if (ids.indexOf(id) !== i) {
        out.push(violation(`configurationIds[${i}]`, 'wallet-offer.configuration-repeated', `${id} is offered twice`));
      }
    });
  }
  const ttl = command.ttlSeconds;
  if (!Number.isInteger(ttl) || ttl < OFFER_TTL_SECONDS.min || ttl > OFFER_TTL_SECONDS.max) {
    out.push(
      violation(
        'ttlSeconds',
        'wallet-offer.ttl-out-of-range',
        `an offer lives ${OFFER_TTL_SECONDS.min} to ${OFFER_TTL_SECONDS.max} seconds`,
      ),
    );
  }
  const length = command.txCode?.length;
  if (length !== undefined && (!Number.isInteger(length) || length < TX_CODE_LENGTH.min || length > TX_CODE_LENGTH.max)) {
    out.push(
      violation(
        'txCode.length',
        'wallet-offer.tx-code-length',
        `a transaction code has ${TX_CODE_LENGTH.min} to ${TX_CODE_LENGTH.max} digits`,
      ),
    );
  }
  return out;
}
