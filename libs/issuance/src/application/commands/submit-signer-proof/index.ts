export * from './submit-signer-proof.command';
export * from './submit-signer-proof.handler';
