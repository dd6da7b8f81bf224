import type { Test } from 'supertest';
import { PublishedDidDocuments } from '../application/__fixtures__/published-did-documents';
import { type CatalogueApp, startCatalogue } from './catalogue-app';

/** The catalogue of a describe block, with an alliance admin's bearer and institution registration as that admin. */
export interface AdminSession extends Pick<CatalogueApp, 'http' | 'token' | 'store'> {
  admin: string;
  register(body: object): Test;
  /** The DID documents members host at their own domains, as the catalogue reads them in this session. */
  didDocuments: PublishedDidDocuments;
}

/** Starts the catalogue before the enclosing describe block's tests and closes it after them. */
export function catalogueWithAdmin(): AdminSession {
  let svc: CatalogueApp | undefined;
  let admin = '';
  const didDocuments = new PublishedDidDocuments();
  beforeAll(async () => {
    svc = await startCatalogue({ didDocuments });
    admin = `Bearer ${await svc.token('alliance-admin')}`;
  }, 60_000);
  afterAll(() => svc?.close());
  return {
    http: () => svc!.http(),
    token: (...args) => svc!.token(...args),
    get store() {
      return svc!.store;
    },
    get admin() {
      return admin;
    },
    register: (body) => svc!.http().post('/institutions').set('authorization', admin).send(body),
    didDocuments,
  };
}
