import { type CatalogueApp, startCatalogue, type StartCatalogueOptions } from './catalogue-app';

/** The running catalogue, as the cases of a describe block reach it. */
export type SuiteCatalogue = Pick<CatalogueApp, 'http' | 'token' | 'store'>;

/** Starts the catalogue before the enclosing describe block's tests and closes it after them. */
export function catalogueForSuite(options: StartCatalogueOptions = {}): SuiteCatalogue {
  let svc: CatalogueApp | undefined;
  beforeAll(async () => {
    svc = await startCatalogue(options);
  }, 60_000);
  afterAll(() => svc?.close());
  return {
    http: () => svc!.http(),
    token: (...args) => svc!.token(...args),
    get store() {
      return svc!.store;
    },
  };
}
