export * from './authorise-institution.command';
export * from './authorise-institution.handler';
