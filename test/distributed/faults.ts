import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DISTRIBUTED_SERVICES, waitReady } from '../../apps/cli/src/distributed/distributed-launcher';
import { REPO_ROOT } from '../support/spawn-process';
import type { DistributedRun } from './distributed-run';

const run$ = promisify(execFile);
const KAFKA_SH = `${REPO_ROOT}/infra/kafka/kafka.sh`;

/** kill -9: no shutdown hook runs, so whatever the process had in flight is cut where it stood. */
export async function killHard(run: DistributedRun, service: string, replica = 0): Promise<void> {
  const p = run.launcher.processes.find((r) => r.service === service && r.replica === replica);
  if (!p) throw new Error(`${service}#${replica} was not started`);
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise((resolve) => p.child.once('exit', resolve));
  p.child.kill('SIGKILL');
  await exited;
}

/**
 * Starts a process of a service and waits until it is ready: in a killed one's place (same port, data
 * folder, secrets and consumer group), or as an extra replica once the platform is up.
 */
export async function startProcess(run: DistributedRun, service: string, replica = 0): Promise<void> {
  const plan = DISTRIBUTED_SERVICES.find((s) => s.name === service);
  if (!plan) throw new Error(`no service ${service}`);
  await waitReady(run.launcher.spawnService(plan, replica));
}

/** Stops and starts the broker (serialised by kafka.sh, which returns once it answers metadata requests again). */
export async function restartKafka(): Promise<void> {
  await run$('bash', [KAFKA_SH, 'restart'], { timeout: 180_000 });
}

/** Idempotent: whatever a failed test did, the broker is left running for the next one. */
export async function ensureKafkaRunning(): Promise<void> {
  await run$('bash', [KAFKA_SH, 'start'], { timeout: 180_000 });
}

/** A query on the run's own database, where every service keeps its event store and read models in its schemas. */
export async function queryRun<T extends Record<string, unknown>>(run: DistributedRun, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: run.launcher.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
