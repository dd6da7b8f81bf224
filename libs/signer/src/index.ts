export * from './keys/signing-key-store';
