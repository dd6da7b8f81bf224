import { DidWebHttpsResolver, type DidWebDocumentResolver, hostListOf } from '@alliance/credentials';
import { MemberStandingSource, memberStandingFrom } from '@alliance/nest-kit';
import { defineContext } from '@alliance/service-runtime';
import { CatalogueConfig } from './catalogue.config';
import { CatalogueAggregates } from './application/catalogue-aggregates';
import { CATALOGUE_COMMAND_HANDLERS } from './application/commands';
import { DidDocumentCheck } from './application/did-document-check';
import { InstitutionDidDocuments } from './application/institution-did-documents';
import { InstitutionDirectory } from './application/institution-directory';
import { CredentialSpecQueries } from './application/queries/credential-spec.queries';
import { CREDENTIAL_SPEC_QUERY_HANDLERS } from './application/queries/credential-spec.query-handlers';
import { InstitutionQueries } from './application/queries/institution.queries';
import { INSTITUTION_QUERY_HANDLERS } from './application/queries/institution.query-handlers';
import { ReadModelSync } from './application/read-model-sync';
import { RegistryLoader } from './application/registry-loader';
import { TrustListPublisher } from './application/trust-list/trust-list.publisher';
import { TRUST_LIST_QUERY_HANDLERS } from './application/trust-list/trust-list.queries';
import { CredentialSpecLifecycleController } from './http/credential-spec-lifecycle.controller';
import { CredentialSpecsController } from './http/credential-specs.controller';
import { InstitutionKeysController } from './http/institution-keys.controller';
import { InstitutionsController } from './http/institutions.controller';
import { ReadModelAdminController } from './http/read-model-admin.controller';
import { TrustListController } from './http/trust-list.controller';
import { CatalogueReadModel } from './infrastructure/read-model/catalogue-read-model';
import { ReadModelInstitutionDirectory } from './infrastructure/read-model/institution-directory.adapter';
import { CatalogueOutbox } from './infrastructure/outbox/catalogue-outbox';

/** What an executable or a test may give the catalogue. */
export interface CatalogueOptions {
  /** Reads members' own DID documents; by default over HTTPS with Node's certificate checks. */
  didDocuments?: DidWebDocumentResolver;
}

/** The catalogue context: the alliance registry (members, DIDs, keys) and the joint micro-credential definitions. */
export const CATALOGUE_SERVICE = defineContext<CatalogueConfig, CatalogueOptions>({
  name: 'catalogue',
  description: 'Alliance registry (institutions, DIDs, signing keys) and joint micro-credential definitions',
  defaultPort: 3001,
  configSchema: CatalogueConfig,
  aggregates: CatalogueAggregates,
  controllers: [
    InstitutionsController,
    InstitutionKeysController,
    CredentialSpecsController,
    CredentialSpecLifecycleController,
    ReadModelAdminController,
    TrustListController,
  ],
  commandHandlers: CATALOGUE_COMMAND_HANDLERS,
  queryHandlers: [...INSTITUTION_QUERY_HANDLERS, ...CREDENTIAL_SPEC_QUERY_HANDLERS, ...TRUST_LIST_QUERY_HANDLERS],
  providers: (runtime, options) => [
    CatalogueReadModel,
    CatalogueOutbox,
    { provide: ReadModelSync, useExisting: CatalogueReadModel },
    { provide: InstitutionDirectory, useClass: ReadModelInstitutionDirectory },
    {
      provide: MemberStandingSource,
      useFactory: (a: CatalogueAggregates) => memberStandingFrom(async (id) => (await a.institution.state(id))?.status),
      inject: [CatalogueAggregates],
    },
    {
      provide: InstitutionDidDocuments,
      useValue: options.didDocuments ?? new DidWebHttpsResolver({ allowHosts: hostListOf(runtime.config.CATALOGUE_DID_FETCH_ALLOW_HOSTS) }),
    },
    DidDocumentCheck,
    RegistryLoader,
    InstitutionQueries,
    CredentialSpecQueries,
    TrustListPublisher,
  ],
  // The projection before requests, the outbox relay once the app is up; both stop before the store closes.
  lifecycle: { database: CatalogueReadModel, readModel: CatalogueReadModel, background: CatalogueOutbox },
});
