import { type DynamicModule, Module } from '@nestjs/common';
import { DidWebHttpsResolver, type DidWebDocumentResolver, hostListOf } from '@alliance/credentials';
import { MemberStandingSource, memberStandingFrom } from '@alliance/nest-kit';
import { type ServiceRuntime } from '@alliance/service-runtime';
import type { CatalogueConfig } from './catalogue.config';
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
import { CatalogueLifecycle } from './infrastructure/catalogue-lifecycle';

export interface CatalogueModuleOptions {
  /** Reads members' own DID documents; by default over HTTPS with Node's certificate checks. */
  didDocuments?: DidWebDocumentResolver;
}

/** The catalogue bounded context as a Nest module, wired to its runtime (event store, bus). */
@Module({})
export class CatalogueModule {
  static forRoot(runtime: ServiceRuntime, options: CatalogueModuleOptions = {}): DynamicModule {
    return {
      module: CatalogueModule,
      controllers: [
        InstitutionsController,
        InstitutionKeysController,
        CredentialSpecsController,
        CredentialSpecLifecycleController,
        ReadModelAdminController,
        TrustListController,
      ],
      providers: [
        { provide: 'SERVICE_NAME', useValue: runtime.service },
        CatalogueReadModel,
        CatalogueOutbox,
        { provide: ReadModelSync, useExisting: CatalogueReadModel },
        { provide: InstitutionDirectory, useClass: ReadModelInstitutionDirectory },
        CatalogueAggregates,
        {
          provide: MemberStandingSource,
          useFactory: (a: CatalogueAggregates) => memberStandingFrom(async (id) => (await a.institution.state(id))?.status),
          inject: [CatalogueAggregates],
        },
        {
          provide: InstitutionDidDocuments,
          useValue:
            options.didDocuments ??
            new DidWebHttpsResolver({ allowHosts: hostListOf((runtime.config as CatalogueConfig).CATALOGUE_DID_FETCH_ALLOW_HOSTS) }),
        },
        DidDocumentCheck,
        RegistryLoader,
        InstitutionQueries,
        CredentialSpecQueries,
        TrustListPublisher,
        ...CATALOGUE_COMMAND_HANDLERS,
        ...INSTITUTION_QUERY_HANDLERS,
        ...CREDENTIAL_SPEC_QUERY_HANDLERS,
        ...TRUST_LIST_QUERY_HANDLERS,
        CatalogueLifecycle,
      ],
    };
  }
}
