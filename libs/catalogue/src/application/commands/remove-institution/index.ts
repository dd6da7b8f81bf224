export * from './remove-institution.command';
export * from './remove-institution.handler';
