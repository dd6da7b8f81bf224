import { InMemoryEventStore } from '@alliance/event-sourcing';
import type { AuthenticatedActor, ServiceConfig } from '@alliance/nest-kit';
import { CatalogueAggregates } from '../catalogue-aggregates';
import { DidDocumentCheck } from '../did-document-check';
import { InstitutionDirectory } from '../institution-directory';
import { ReadModelSync } from '../read-model-sync';
import { RegistryLoader } from '../registry-loader';
import { PublishedDidDocuments } from './published-did-documents';

/** Nothing to wait for: the handler specs read state from the store, not from a read model. */
class NoReadModel extends ReadModelSync {
  async caughtUp(): Promise<void> {}
}

/** A directory over the registration events themselves (the service uses the read model). */
class StoreDirectory extends InstitutionDirectory {
  constructor(private readonly store: InMemoryEventStore) {
    super();
  }
  async idByDid(did: string) {
    return (await this.registered()).find((r) => r.did === did)?.institutionId;
  }
  async idByName(name: string) {
    return (await this.registered()).find((r) => r.name.toLowerCase() === name.trim().toLowerCase())?.institutionId;
  }
  private async registered() {
    const out: { institutionId: string; did: string; name: string }[] = [];
    for await (const e of this.store.readAll({ filter: { eventTypes: ['InstitutionRegistered'] } }))
      out.push(e.data as (typeof out)[number]);
    return out;
  }
}

/** The catalogue's application layer on an in-memory store, for handler specs. */
export function catalogueHarness() {
  const store = new InMemoryEventStore();
  const aggregates = new CatalogueAggregates(store, new NoReadModel());
  const registry = new RegistryLoader(aggregates);
  const directory = new StoreDirectory(store);
  // Only the public base URL is read by the DID document check.
  const config = { PUBLIC_BASE_URL: 'https://credentials.alliance.example' } as ServiceConfig;
  const didDocuments = new PublishedDidDocuments();
  const didCheck = new DidDocumentCheck(aggregates, didDocuments, config);
  const meta = (actor: Partial<AuthenticatedActor> = {}) => ({
    actor: { subject: 'admin', role: 'alliance-admin' as const, ...actor },
    correlationId: 'spec-correlation',
  });
  const events = async () => {
    const out = [];
    for await (const e of store.readAll()) out.push(e);
    return out;
  };
  return { store, aggregates, registry, directory, config, didDocuments, didCheck, meta, events };
}

export type CatalogueHarness = ReturnType<typeof catalogueHarness>;
