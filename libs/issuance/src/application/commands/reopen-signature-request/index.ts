export * from './reopen-signature-request.command';
export * from './reopen-signature-request.handler';
