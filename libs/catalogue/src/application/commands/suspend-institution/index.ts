export * from './suspend-institution.command';
export * from './suspend-institution.handler';
