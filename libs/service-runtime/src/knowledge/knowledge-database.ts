import { ensureReadModelTables, forkEntityManager, type ReadModelDatabaseConfig, type ReadModelOrm } from '@alliance/event-sourcing';
import { type IntegrationMessage, MikroOrmInbox } from '@alliance/messaging';
import type { EntityManager } from '@mikro-orm/sql';
import type { ServiceConfig } from '@alliance/nest-kit';
import { openServiceReadModel, serviceReadModelLocation, type ServiceReadModelSpec } from '../service-read-model';

/** Applies a consumed message's payload to a context's knowledge tables through its inbox. */
export type InboxApply = <T>(message: IntegrationMessage<T>, apply: (em: EntityManager, payload: T) => Promise<void>) => Promise<void>;

/**
 * The database of a service that consumes other contexts' events: PGlite under DATA_DIR/<service>/read-model when
 * embedded, its own `schema` of DATABASE_URL when distributed, with every pooled connection pinned to that schema so
 * the kernel's unqualified SQL (projection tables, checkpoints, inbox) stays there. Opening it creates the tables that
 * are not projections: the knowledge fed by other contexts (`knowledgeTables`) and the inbox that feeds it.
 */
export function knowledgeDatabase(service: string, schema: string, knowledgeTables: Parameters<typeof ensureReadModelTables>[1]) {
  const spec: ServiceReadModelSpec = { service, schema, pinning: 'connection' };
  const inbox = new MikroOrmInbox(service);
  return {
    /** Applies each consumed message through the inbox: exactly once, in one transaction with what it changes. */
    throughInbox(orm: ReadModelOrm): InboxApply {
      return (message, apply) => inbox.handle(forkEntityManager(orm), message, (tx) => apply(tx, message.payload)).then(() => undefined);
    },
    location: (config: ServiceConfig): ReadModelDatabaseConfig => serviceReadModelLocation(config, spec),
    open: (config: ServiceConfig): Promise<ReadModelOrm> =>
      openServiceReadModel(config, {
        ...spec,
        prepare: async (orm) => {
          await ensureReadModelTables(orm, knowledgeTables);
          await inbox.ensureTable(forkEntityManager(orm));
        },
      }),
  };
}
