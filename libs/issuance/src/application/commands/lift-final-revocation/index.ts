export * from './lift-final-revocation.command';
export * from './lift-final-revocation.handler';
