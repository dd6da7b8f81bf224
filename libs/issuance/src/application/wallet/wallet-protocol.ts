import { getGlobalConfig, setGlobalConfig } from '@openid4vc/utils';
import { IssuanceException } from '../../domain/issuance.exception';
import type { CommandContext } from '@alliance/event-sourcing';
import {
  createIssuerProtocol,
  isLoopbackHost,
  type IssuerProtocol,
  type Jwk,
  privateJwkSigner,
  privateKeyFromSeed,
} from '@alliance/credentials';

/** What the OpenID4VCI protocol layer of issuance is built from. */
export interface WalletProtocolOptions {
  /** The Credential Issuer Identifier: issuance's public URL (known once the service listens). */
  issuerUrl: () => string;
  /** 32 bytes: the Ed25519 seed of the key that signs access tokens (the same on every replica). */
  accessTokenSeed: Buffer;
  /** 32 bytes: the key of the stateless `c_nonce` values (the same on every replica). */
  nonceSecret: Buffer;
  /** How long a redeemed offer's access token lives. */
  accessTokenTtlSeconds?: number;
  now?: () => Date;
}

/** An anonymous wallet acts for the learner whose offer it redeems; the log names it by the offer. */
export const walletActor = (offerId: string): CommandContext => ({
  actor: { subject: `wallet-of-offer:${offerId}`, role: 'wallet' },
  correlationId: offerId,
});

/** Access tokens are short: the wallet asks for its credentials right after redeeming the offer. */
export const ACCESS_TOKEN_TTL_SECONDS = 600;

/**
 * Issuance's OpenID4VCI protocol layer (`@alliance/credentials` over `@openid4vc/openid4vci`), built on first use
 * because the issuer URL may be the address the service only knows once it listens.
 */
export class WalletProtocol {
  private built?: IssuerProtocol;

  constructor(private readonly options: WalletProtocolOptions) {}

  get protocol(): IssuerProtocol {
    return (this.built ??= this.build());
  }

  get accessTokenTtlSeconds(): number {
    return this.options.accessTokenTtlSeconds ?? ACCESS_TOKEN_TTL_SECONDS;
  }

  private build(): IssuerProtocol {
    const issuerUrl = new URL(this.options.issuerUrl());
    if (issuerUrl.protocol !== 'https:') {
      if (!isLoopbackHost(issuerUrl.hostname)) {
        throw new IssuanceException(
          'issuance.wallet.public-url-not-https',
          `wallets reach the credential issuer only over https, and issuance's public URL is ${issuerUrl.origin}: set ISSUANCE_PUBLIC_URL (or PUBLIC_BASE_URL) to its https address`,
        );
      }
      // A platform on a developer's machine: the library accepts plain http URLs from here on, in this process.
      setGlobalConfig({ ...getGlobalConfig(), allowInsecureUrls: true });
    }
    const privateKey = privateKeyFromSeed(this.options.accessTokenSeed);
    const privateJwk = { ...(privateKey.export({ format: 'jwk' }) as Jwk), kid: 'access-tokens-1' };
    return createIssuerProtocol({
      issuerUrl: issuerUrl.toString().replace(/\/$/, ''),
      display: [{ name: 'Alliance micro-credentials', locale: 'en' }],
      accessTokenSigner: privateJwkSigner(privateJwk, 'EdDSA'),
      nonceSecret: this.options.nonceSecret,
      accessTokenTtlSeconds: this.accessTokenTtlSeconds,
      ...(this.options.now ? { now: this.options.now } : {}),
    });
  }
}
