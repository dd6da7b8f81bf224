export * from './offer-credential-to-wallet.command';
export * from './offer-credential-to-wallet.handler';
export * from './wallet-offer-options';
