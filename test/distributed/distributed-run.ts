import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KAFKA_DEFAULTS } from '@alliance/messaging';
import { KAFKA_BROKERS, testKafka } from '@alliance/testing';
import { DISTRIBUTED_SERVICES, DistributedLauncher } from '../../apps/cli/src/distributed/distributed-launcher';
import { REPO_ROOT } from '../support/spawn-process';

/** The services that consume the bus, each in a consumer group of the run's own (`<SERVICE>_CONSUMER_GROUP`). */
const CONSUMERS = ['enrolment', 'assessment', 'issuance', 'verification'];

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
  private readonly groups = CONSUMERS.map((service) => `${service}-e2e-${this.id}`);
  private readonly tail: string[] = [];

  /** `replicas`: extra processes per service, started together with the first (as `distributed up --replicas` does). */
  /** `env`: settings every service process gets on top of the run's own. */
  constructor(options: { replicas?: Record<string, number>; env?: NodeJS.ProcessEnv } = {}) {
    this.launcher = new DistributedLauncher({
      repoRoot: REPO_ROOT,
      replicas: options.replicas,
      database: `alliance_e2e_${this.id}`,
      // Clear of the default ports (4001-4006) and of the embedded e2e specs' ranges (3400-5500).
      basePortOffset: 2000 + Math.floor(Math.random() * 400) * 10,
      dataDir: this.dataDir,
      kafkaBrokers: KAFKA_BROKERS.join(','),
      env: {
        ...Object.fromEntries(CONSUMERS.map((service, i) => [`${service.toUpperCase()}_CONSUMER_GROUP`, this.groups[i]])),
        LOG_LEVEL: 'info',
        ...options.env,
      },
      log: (line) => this.remember('launcher', JSON.stringify({ level: 'info', time: new Date().toISOString(), ...line })),
      output: (service, line) => this.remember(service, line),
    });
  }

  /**
   * Starts the platform. The run's groups are new, so they would read every context's topic from the start,
   * events of earlier runs included, which name definitions and institutions this run does not know:
   * they start at the current end instead.
   */
  async up(): Promise<void> {
    try {
      await startGroupsAtTopicEnds(this.groups);
      await this.launcher.up();
    } catch (e) {
      throw new Error(`${e instanceof Error ? e.message : String(e)}; platform output:\n${this.output()}`);
    }
  }

  url(service: string, replica = 0): string {
    const p = this.launcher.processes.find((r) => r.service === service && r.replica === replica);
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

async function startGroupsAtTopicEnds(groups: string[]): Promise<void> {
  const kafka = testKafka('distributed-e2e');
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const topics = DISTRIBUTED_SERVICES.map((s) => `${KAFKA_DEFAULTS.topicPrefix}${s.name}`).filter((t) => existing.has(t));
    if (topics.length === 0) return;
    const ends = (
      await Promise.all(
        topics.map(async (topic) => (await admin.fetchTopicOffsets(topic)).map((p) => ({ topic, partition: p.partition, offset: p.high }))),
      )
    ).flat();
    await Promise.all(groups.map((groupId) => commitAsMember(kafka, groupId, topics, ends)));
  } finally {
    await admin.disconnect();
  }
}

/** A commit needs a member of the group (kafkajs's admin seeks to "latest" without committing a number), so join once, commit, leave. */
async function commitAsMember(
  kafka: ReturnType<typeof testKafka>,
  groupId: string,
  topics: string[],
  offsets: { topic: string; partition: number; offset: string }[],
): Promise<void> {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: false });
    const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
    await consumer.run({ eachMessage: async () => undefined });
    await joined;
    await consumer.commitOffsets(offsets);
  } finally {
    await consumer.disconnect();
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
