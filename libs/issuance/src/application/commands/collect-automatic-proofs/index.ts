export * from './collect-automatic-proofs.command';
export * from './collect-automatic-proofs.handler';
