export * from './rebuild-read-model.command';
export * from './rebuild-read-model.handler';
