import {
  compareTables,
  dropReadModelTables,
  type EventStore,
  forkEntityManager,
  projectionEntities,
  ProjectionRunner,
  type ReadModelOrm,
  rebuildProjection,
} from '@alliance/event-sourcing';
import { type HealthRegistry, projectionReadinessCheck, SERVICE_CONFIG, type ServiceConfig } from '@alliance/nest-kit';
import { type BackgroundWork, EVENT_STORE } from '@alliance/service-runtime';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/sql';
import { ReadModelSync } from '../../application/read-model-sync';
import { catalogueProjection } from './catalogue.projection';
import { openReadModelOrm } from './read-model-location';

/** How long a write waits for its events to reach the read model before answering anyway. */
const READ_YOUR_WRITES_TIMEOUT_MS = 10_000;
/** Version number of the throw-away tables a verifying rebuild writes beside the live ones. */
const SHADOW_VERSION_OFFSET = 1000;

export interface RebuildResult {
  mode: 'verify' | 'replace';
  handled: number;
  position: number;
  ms: number;
  eventsPerSecond: number;
  /** Live tables against the same tables rebuilt from position zero. */
  tables: { table: string; equal: boolean; rows: number; rebuiltRows: number }[];
  identical: boolean;
}

/** The catalogue's read model database and the projection runner that keeps it up to date. */
@Injectable()
export class CatalogueReadModel extends ReadModelSync implements BackgroundWork {
  private readonly logger = new Logger('CatalogueReadModel');
  private orm?: ReadModelOrm;
  private runner?: ProjectionRunner;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    super();
  }

  /** Opens the database and starts the projection (before requests are taken: see CatalogueLifecycle). */
  async start(health: HealthRegistry): Promise<void> {
    this.orm = await openReadModelOrm(this.config);
    await this.startRunner();
    health.register({
      name: 'readModel',
      check: projectionReadinessCheck(() => this.runner!),
      parkedEvents: () => this.runner!.parked(),
    });
  }

  async stop(): Promise<void> {
    await this.runner?.stop();
  }

  /** Closes the database, once nothing runs on it. */
  async close(): Promise<void> {
    await this.orm?.close();
  }

  /** A fresh unit of work for a query. */
  em(): EntityManager {
    return forkEntityManager(this.orm!);
  }

  /** The entity of a read model at the version the code serves. */
  readonly entity = catalogueProjection.entity;

  async caughtUp(position: number | undefined): Promise<void> {
    if (position === undefined || !this.runner) return;
    try {
      await this.runner.waitFor(position, READ_YOUR_WRITES_TIMEOUT_MS);
    } catch (error) {
      // The write is durable; only its visibility lags. Answer, and say so in the logs.
      this.logger.warn({ err: error, position }, 'read model lagging behind a write');
    }
  }

  /**
   * Rebuilds every catalogue table from position zero into shadow tables and compares them with the live
   * ones; `replace` then rebuilds the live tables too (reads see them refilling for the few moments it takes).
   */
  async rebuild(mode: 'verify' | 'replace'): Promise<RebuildResult> {
    const orm = this.orm!;
    const shadow = catalogueProjection.version + SHADOW_VERSION_OFFSET;
    const report = await rebuildProjection({ store: this.store, orm, projection: catalogueProjection, intoVersion: shadow });
    await this.runner!.waitFor(report.position, READ_YOUR_WRITES_TIMEOUT_MS);
    const tables = [];
    for (const model of catalogueProjection.readModels) {
      const live = model.table(catalogueProjection.version);
      const diff = await compareTables(orm.em, live, model.table(shadow));
      tables.push({ table: live, equal: diff.equal, rows: diff.rowsA, rebuiltRows: diff.rowsB });
    }
    await dropReadModelTables(orm, projectionEntities(catalogueProjection, shadow));
    await forkEntityManager(orm).execute(`delete from projection_checkpoints where name = ?`, [report.checkpointName], 'run');
    let final = report;
    if (mode === 'replace') {
      await this.runner!.stop();
      final = await rebuildProjection({
        store: this.store,
        orm,
        projection: catalogueProjection,
        intoVersion: catalogueProjection.version,
        allowLiveVersion: true,
      });
      await this.startRunner();
    }
    return {
      mode,
      handled: final.handled,
      position: final.position,
      ms: final.ms,
      eventsPerSecond: final.eventsPerSecond,
      tables,
      identical: tables.every((t) => t.equal),
    };
  }

  private async startRunner(): Promise<void> {
    this.runner = new ProjectionRunner({
      store: this.store,
      orm: this.orm!,
      projection: catalogueProjection,
      onError: (error, position) => this.logger.error({ err: error, position }, 'catalogue projection batch failed; retrying'),
    });
    await this.runner.start();
  }
}
