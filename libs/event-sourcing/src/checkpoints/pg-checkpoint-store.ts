import { Pool } from 'pg';
import { assertSchemaName } from '../schema-name';
import { ddlOnce } from '../store/postgres/ddl-once';
import type { CheckpointStore } from './checkpoint-store.port';

export interface PgCheckpointStoreOptions {
  /** A pool of the service's own database, or a connection string to open one. */
  pool?: Pool;
  url?: string;
  /** Schema of the table; default `public`. */
  schema?: string;
}

/** Distributed mode: the checkpoint lives in a table of the service's database. */
export class PgCheckpointStore implements CheckpointStore {
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly table: string;
  private readonly schema: string;

  constructor(options: PgCheckpointStoreOptions) {
    if (!options.pool && !options.url) throw new TypeError('PgCheckpointStore needs a pool or a url');
    const schema = options.schema ?? 'public';
    assertSchemaName(schema);
    this.pool = options.pool ?? new Pool({ connectionString: options.url, max: 2 });
    this.ownsPool = !options.pool;
    // An idle connection the server closed (restart, failover) is dropped by the pool; without a listener the
    // pool's 'error' event would crash the process instead.
    if (this.ownsPool) this.pool.on('error', () => undefined);
    this.schema = schema;
    this.table = `"${schema}".relay_checkpoints`;
  }

  async load(relay: string): Promise<number> {
    await this.ensureTable();
    const { rows } = await this.pool.query<{ position: string }>(`SELECT position FROM ${this.table} WHERE relay = $1`, [relay]);
    return rows.length ? Number(rows[0].position) : 0;
  }

  async save(relay: string, position: number): Promise<void> {
    await this.ensureTable();
    await this.pool.query(
      `INSERT INTO ${this.table} (relay, position, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (relay) DO UPDATE SET position = EXCLUDED.position, updated_at = EXCLUDED.updated_at`,
      [relay, position],
    );
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }

  /** The schema and table, created on first use (by whichever replica comes first). */
  private readonly ensureTable = ddlOnce(async () => {
    if (this.schema !== 'public') await this.pool.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
    await this.pool.query(
      `CREATE TABLE IF NOT EXISTS ${this.table} (
         relay text PRIMARY KEY,
         position bigint NOT NULL,
         updated_at timestamptz NOT NULL
       )`,
    );
  });
}
