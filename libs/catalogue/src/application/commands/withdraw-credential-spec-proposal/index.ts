export * from './withdraw-credential-spec-proposal.command';
export * from './withdraw-credential-spec-proposal.handler';
