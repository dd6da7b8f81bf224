export * from './catalogue.config';
export * from './catalogue.module';
export * from './catalogue.service-descriptor';
export * from './catalogue.stream-folders';
export { CatalogueException, type Violation } from './domain/catalogue.exception';
export type { CredentialSpecDefinition } from './domain/credential-spec/definition';
export type { PublishedDefinition } from './domain/credential-spec/credential-spec.events';
export * from './demo/eciu-demo-data';
export * from './demo/seed-demo';
