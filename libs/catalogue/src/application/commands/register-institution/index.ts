export * from './register-institution.command';
export * from './register-institution.handler';
