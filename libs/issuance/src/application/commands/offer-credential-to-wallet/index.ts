export * from './offer-credential-to-wallet.command';
export * from './offer-credential-to-wallet.handler';
