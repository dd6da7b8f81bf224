import type { Test } from 'supertest';
import { PublishedDidDocuments } from '../application/__fixtures__/published-did-documents';
import { catalogueForSuite, type SuiteCatalogue } from './catalogue-suite.fixture';

/** The catalogue of a describe block, with an alliance admin's bearer and institution registration as that admin. */
export interface AdminSession extends SuiteCatalogue {
  admin: string;
  register(body: object): Test;
  /** The DID documents members host at their own domains, as the catalogue reads them in this session. */
  didDocuments: PublishedDidDocuments;
}

/** Starts the catalogue before the enclosing describe block's tests and closes it after them. */
export function catalogueWithAdmin(): AdminSession {
  let admin = '';
  const didDocuments = new PublishedDidDocuments();
  const svc = catalogueForSuite({ didDocuments });
  beforeAll(async () => {
    admin = `Bearer ${await svc.token('alliance-admin')}`;
  });
  return {
    http: svc.http,
    token: svc.token,
    get store() {
      return svc.store;
    },
    get admin() {
      return admin;
    },
    register: (body) => svc.http().post('/institutions').set('authorization', admin).send(body),
    didDocuments,
  };
}
