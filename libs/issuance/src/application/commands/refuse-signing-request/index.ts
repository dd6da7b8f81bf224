export * from './refuse-signing-request.command';
export * from './refuse-signing-request.handler';
