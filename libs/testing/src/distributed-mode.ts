import { KAFKA_BROKERS } from './kafka-broker';
import { createTestDatabase, type TestDatabase } from './pg-test-database';

export interface DistributedMode {
  /** The suite's own PostgreSQL database, created before its tests. */
  readonly db: TestDatabase;
  /** A service's settings for distributed mode (events and read model in that database, the bus on Kafka), plus `extra`. */
  env(extra?: Record<string, string>): Record<string, string>;
}

/**
 * Runs a spec's service in distributed mode: a database of its own is created before the suite's tests and, after
 * them, `stopService` is awaited before the database is dropped.
 */
export function distributedMode(service: string, stopService: () => Promise<unknown> | undefined): DistributedMode {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(service);
  });
  afterAll(async () => {
    await stopService();
    await db?.drop();
  });
  const database = (): TestDatabase => {
    if (!db) throw new Error('the distributed-mode database exists only once the suite has started');
    return db;
  };
  return {
    get db() {
      return database();
    },
    env: (extra = {}) => ({
      EVENT_STORE: 'postgres',
      READ_MODEL: 'postgres',
      DATABASE_URL: database().url,
      BUS: 'kafka',
      KAFKA_BROKERS: KAFKA_BROKERS.join(','),
      ...extra,
    }),
  };
}
