export * from './submit-status-list-proof.command';
export * from './submit-status-list-proof.handler';
