import { createReadModelOrm, type ReadModelOrm } from '@alliance/event-sourcing';
import type { AuditSource } from '../application/audit-source';
import { type AuditedProjection, replayReadModel, type ReadModelReplayReport, type ReplayOptions } from '../application/read-model-replay';
import { AuditException } from '../domain/audit.exception';

export interface ReadModelAuditorOptions {
  /**
   * Whether read models on embedded PGlite may be opened. PGlite serves one process at a time, so only a
   * command-line run with the platform stopped may; the running service refuses instead of risking it.
   */
  allowEmbedded: boolean;
}

/** The read models contexts registered for QA replay, with one connection per database, opened on demand. */
export class ReadModelAuditor {
  private readonly orms = new Map<string, Promise<ReadModelOrm>>();

  constructor(
    private readonly sources: AuditSource[],
    private readonly registered: AuditedProjection[],
    private readonly options: ReadModelAuditorOptions,
  ) {}

  list() {
    return this.registered.map((r) => ({
      projection: r.projection.name,
      store: r.store,
      version: r.projection.version,
      database: r.readModel.kind,
      tables: r.projection.readModels.map((m) => m.table(r.projection.version)),
    }));
  }

  async replay(name: string, options: Pick<ReplayOptions, 'keepReplayTables' | 'onProgress'> = {}): Promise<ReadModelReplayReport> {
    const entry = this.registered.find((r) => r.projection.name === name);
    if (!entry)
      throw new AuditException(
        'audit.unknown-read-model',
        `no read model ${name} is registered; known: ${this.registered.map((r) => r.projection.name).join(', ') || 'none'}`,
        'projection',
      );
    if (entry.readModel.kind === 'pglite' && !this.options.allowEmbedded) {
      throw new AuditException(
        'audit.read-model-embedded',
        `${name} lives in an embedded PGlite database that its service holds open: stop the platform and run \`alliance audit replay ${name}\``,
        'projection',
      );
    }
    const source = this.sources.find((s) => s.name === entry.store);
    if (!source) throw new AuditException('audit.unknown-store', `store ${entry.store} of ${name} is not audited`, 'projection');
    return replayReadModel({ store: source.store, orm: await this.orm(entry), entry, ...options });
  }

  async close(): Promise<void> {
    const orms = await Promise.allSettled(this.orms.values());
    await Promise.all(orms.map((o) => (o.status === 'fulfilled' ? o.value.close() : undefined)));
    this.orms.clear();
  }

  private orm(entry: AuditedProjection): Promise<ReadModelOrm> {
    const key = JSON.stringify(entry.readModel);
    let orm = this.orms.get(key);
    if (!orm) {
      orm = createReadModelOrm(entry.readModel, { entities: entry.projection.readModels.map((m) => m.entity(entry.projection.version)) });
      this.orms.set(key, orm);
    }
    return orm;
  }
}
