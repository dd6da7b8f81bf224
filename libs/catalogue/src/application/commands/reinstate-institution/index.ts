export * from './reinstate-institution.command';
export * from './reinstate-institution.handler';
