// Test-only: the state the issuance service keeps in its event store, here in memory.
import { randomUUID } from 'node:crypto';
import type { Jwk } from '@openid4vc/oauth2';
import { createPreAuthorizedOffer, type PreAuthorizedOffer } from '../credential-offer';
import type { IssuerProtocol } from '../issuer-protocol';
import { generatePreAuthorizedCode, generateTransactionCode, hashOfferCode } from '../offer-codes';
import type { PreAuthorizedCodeLookup } from '../token-endpoint';

export interface OfferState {
  configurationIds: string[];
  codeHash: string;
  txCodeHash?: string;
  expiresAt: Date;
  redeemed: boolean;
  offer?: PreAuthorizedOffer;
}

export interface IssuedEntry {
  offerId: string;
  configurationId: string;
  holderKeys: Jwk[];
  credential: string;
}

/** Everything the test server has recorded; a negative test asserts that `issued` stays empty. */
export interface TestIssuerState {
  offers: Map<string, OfferState>;
  issued: IssuedEntry[];
  notifications: { offerId: string; notificationId: string; event: string }[];
  /** Deferred issuance by transaction id, with the credential made ready for when the hold is lifted. */
  deferred: Map<string, IssuedEntry>;
  /** While set, the credential endpoint defers and the deferred endpoint keeps the wallet waiting. */
  deferIssuance: boolean;
  /** Request bodies as received, by `METHOD /path`. */
  received: Record<string, unknown[]>;
}

export function newTestIssuerState(): TestIssuerState {
  return { offers: new Map(), issued: [], notifications: [], deferred: new Map(), deferIssuance: false, received: {} };
}

/** The token endpoint's port over the in-memory offers; codes are found by their hash, as a store would. */
export function codeLookup(state: TestIssuerState): PreAuthorizedCodeLookup {
  return {
    lookup: async (code) => {
      const found = [...state.offers.entries()].find(([, offer]) => offer.codeHash === hashOfferCode(code));
      if (!found) return undefined;
      const [offerId, offer] = found;
      return {
        offerId,
        expiresAt: offer.expiresAt,
        redeemed: offer.redeemed,
        credentialConfigurationIds: offer.configurationIds,
        ...(offer.txCodeHash ? { txCodeHash: offer.txCodeHash } : {}),
      };
    },
  };
}

/** Records a new offer (only hashes of its codes) and renders its links. */
export async function createTestOffer(
  protocol: IssuerProtocol,
  state: TestIssuerState,
  configurationIds: string[],
  options: { withTxCode?: boolean; expiresInSeconds?: number },
  now: () => Date = () => new Date(),
): Promise<{ offerId: string; links: PreAuthorizedOffer; txCode?: string }> {
  const offerId = randomUUID();
  const code = generatePreAuthorizedCode();
  const txCode = options.withTxCode ? generateTransactionCode(6) : undefined;
  const expiresAt = new Date(now().getTime() + (options.expiresInSeconds ?? 600) * 1000);
  const offerState: OfferState = {
    configurationIds,
    codeHash: hashOfferCode(code),
    expiresAt,
    redeemed: false,
    ...(txCode ? { txCodeHash: hashOfferCode(txCode) } : {}),
  };
  state.offers.set(offerId, offerState);
  offerState.offer = await createPreAuthorizedOffer(protocol, {
    credentialConfigurationIds: configurationIds,
    preAuthorizedCode: code,
    offerId,
    ...(txCode ? { txCode: { length: 6, description: 'Sent to you by e-mail' } } : {}),
  });
  return { offerId, links: offerState.offer, ...(txCode ? { txCode } : {}) };
}
