import { ServiceLifecycle } from '@alliance/service-runtime';
import { CatalogueOutbox } from './outbox/catalogue-outbox';
import { CatalogueReadModel } from './read-model/catalogue-read-model';

/**
 * Starts and stops the service's background work in order: the projection before requests, the outbox relay
 * once the app is up; both stop before the runtime closes the store and bus, and the read model's database last.
 */
export class CatalogueLifecycle extends ServiceLifecycle({
  database: CatalogueReadModel,
  readModel: CatalogueReadModel,
  background: CatalogueOutbox,
}) {}
