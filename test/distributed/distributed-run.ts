import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KAFKA_DEFAULTS } from '@alliance/messaging';
import { KAFKA_BROKERS, testKafka } from '@alliance/testing';
import { DistributedLauncher } from '../../apps/cli/src/distributed/distributed-launcher';
import { REPO_ROOT } from '../support/spawn-process';

/** Set to a file path to keep every line the run logged (only the tail is shown on failure). */
const FULL_LOG = process.env.DISTRIBUTED_E2E_LOG;

/**
 * One throw-away distributed platform: its own database, data folder, ports and (where the services let a
 * run choose) consumer groups, so that neither a parallel run nor an earlier one shares its state.
 */
export class DistributedRun {
  readonly id = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  readonly launcher: DistributedLauncher;
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'distributed-e2e-'));
  private readonly groups = [`enrolment-e2e-${this.id}`, `assessment-e2e-${this.id}`];
  private readonly tail: string[] = [];

  constructor() {
    this.launcher = new DistributedLauncher({
      repoRoot: REPO_ROOT,
      database: `alliance_e2e_${this.id}`,
      // Clear of the default ports (4001-4006) and of the embedded e2e specs' ranges (3400-5500).
      basePortOffset: 2000 + Math.floor(Math.random() * 400) * 10,
      dataDir: this.dataDir,
      kafkaBrokers: KAFKA_BROKERS.join(','),
      env: { ENROLMENT_CONSUMER_GROUP: this.groups[0], ASSESSMENT_CONSUMER_GROUP: this.groups[1], LOG_LEVEL: 'info' },
      log: (line) => this.remember('launcher', JSON.stringify({ level: 'info', time: new Date().toISOString(), ...line })),
      output: (service, line) => this.remember(service, line),
    });
  }

  url(service: string): string {
    const p = this.launcher.processes.find((r) => r.service === service && r.replica === 0);
    if (!p) throw new Error(`${service} was not started`);
    return p.url;
  }

  /** The last lines the services and the launcher logged, to tell why a step never happened. */
  output(): string {
    return this.tail.join('\n');
  }

  /** Best effort on every step, so that a failing one does not leave processes, a database or groups behind. */
  async teardown(): Promise<void> {
    const steps = [() => this.launcher.down(), () => this.launcher.dropDatabase(), () => deleteGroups(this.groups)];
    for (const step of steps) await step().catch((e: unknown) => this.remember('teardown', String(e)));
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private remember(source: string, line: string): void {
    this.tail.push(`[${source}] ${line}`);
    if (FULL_LOG) appendFileSync(FULL_LOG, `[${source}] ${line}\n`);
    if (this.tail.length > 400) this.tail.shift();
  }
}

/**
 * The run's own consumer groups, and the dead-letter and replay topics the bus made for each: names no other
 * run uses, so nothing would ever read them again.
 */
async function deleteGroups(groups: string[]): Promise<void> {
  const admin = testKafka('distributed-e2e').admin();
  await admin.connect();
  try {
    await admin.deleteGroups(groups);
    const mine = new Set(groups.flatMap((g) => ['dead-letter', 'replay'].map((kind) => `${KAFKA_DEFAULTS.topicPrefix}${g}.${kind}`)));
    const topics = (await admin.listTopics()).filter((t) => mine.has(t));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}
