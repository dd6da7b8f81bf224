import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceRuntime } from '@alliance/nest-kit';
import { CatalogueAggregates } from './application/catalogue-aggregates';
import { CATALOGUE_COMMAND_HANDLERS } from './application/commands';
import { InstitutionDirectory } from './application/institution-directory';
import { CredentialSpecQueries } from './application/queries/credential-spec.queries';
import { InstitutionQueries } from './application/queries/institution.queries';
import { ReadModelSync } from './application/read-model-sync';
import { RegistryLoader } from './application/registry-loader';
import { CredentialSpecLifecycleController } from './http/credential-spec-lifecycle.controller';
import { CredentialSpecsController } from './http/credential-specs.controller';
import { InstitutionKeysController } from './http/institution-keys.controller';
import { InstitutionsController } from './http/institutions.controller';
import { ReadModelAdminController } from './http/read-model-admin.controller';
import { CatalogueReadModel } from './infrastructure/read-model/catalogue-read-model';
import { ReadModelInstitutionDirectory } from './infrastructure/read-model/institution-directory.adapter';
import { CatalogueOutbox } from './infrastructure/outbox/catalogue-outbox';

/** The catalogue bounded context as a Nest module, wired to its runtime (event store, bus). */
@Module({})
export class CatalogueModule {
  static forRoot(runtime: ServiceRuntime): DynamicModule {
    return {
      module: CatalogueModule,
      controllers: [InstitutionsController, InstitutionKeysController, CredentialSpecsController, CredentialSpecLifecycleController, ReadModelAdminController],
      providers: [
        { provide: 'SERVICE_NAME', useValue: runtime.service },
        CatalogueReadModel,
        CatalogueOutbox,
        { provide: ReadModelSync, useExisting: CatalogueReadModel },
        { provide: InstitutionDirectory, useClass: ReadModelInstitutionDirectory },
        CatalogueAggregates,
        RegistryLoader,
        InstitutionQueries,
        CredentialSpecQueries,
        ...CATALOGUE_COMMAND_HANDLERS,
      ],
    };
  }
}
