import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export interface ServicePlan {
  name: string;
  port: number;
}

export const DISTRIBUTED_SERVICES: ServicePlan[] = [
  { name: 'catalogue', port: 4001 },
  { name: 'enrolment', port: 4002 },
  { name: 'assessment', port: 4003 },
  { name: 'issuance', port: 4004 },
  { name: 'verification', port: 4005 },
  { name: 'audit', port: 4006 },
];

export interface LaunchOptions {
  repoRoot: string;
  /** PostgreSQL admin URL; the launcher creates `database` there when missing. */
  pgAdminUrl?: string;
  database?: string;
  kafkaBrokers?: string;
  /** Extra replicas per service name (each on port + 100 * n). */
  replicas?: Record<string, number>;
  basePortOffset?: number;
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: Record<string, unknown>) => void;
}

export interface RunningProcess {
  service: string;
  replica: number;
  url: string;
  child: ChildProcess;
  env: NodeJS.ProcessEnv;
}

/** Starts PostgreSQL and Kafka from infra/, then every service as its own process on loopback. */
export class DistributedLauncher {
  readonly processes: RunningProcess[] = [];
  private readonly log: (line: Record<string, unknown>) => void;

  constructor(private readonly options: LaunchOptions) {
    this.log = options.log ?? ((line) => process.stdout.write(JSON.stringify({ level: 'info', time: new Date().toISOString(), ...line }) + '\n'));
  }

  get databaseUrl(): string {
    const url = new URL(this.options.pgAdminUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    url.pathname = `/${this.options.database ?? 'alliance_distributed'}`;
    return url.toString();
  }

  async up(): Promise<RunningProcess[]> {
    this.log({ msg: 'starting engines (PostgreSQL, Kafka)' });
    execFileSync('bash', [join(this.options.repoRoot, 'infra', 'engines.sh'), 'up'], { stdio: 'inherit' });
    await this.ensureDatabase();
    for (const plan of DISTRIBUTED_SERVICES) {
      const count = 1 + (this.options.replicas?.[plan.name] ?? 0);
      for (let replica = 0; replica < count; replica++) this.spawnService(plan, replica);
    }
    await Promise.all(this.processes.map((p) => waitReady(p)));
    this.log({ msg: 'distributed platform ready', services: this.processes.map((p) => ({ service: p.service, replica: p.replica, url: p.url })) });
    return this.processes;
  }

  /** Starts one more process of a service (used to restart after a kill). */
  spawnService(plan: ServicePlan, replica: number): RunningProcess {
    const port = plan.port + (this.options.basePortOffset ?? 0) + replica * 100;
    const dataDir = resolve(this.options.dataDir ?? join(this.options.repoRoot, '.data', 'distributed'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...this.options.env,
      PORT: String(port),
      EVENT_STORE: 'postgres',
      READ_MODEL: 'postgres',
      DATABASE_URL: this.databaseUrl,
      BUS: 'kafka',
      KAFKA_BROKERS: this.options.kafkaBrokers ?? '127.0.0.1:9092',
      DATA_DIR: join(dataDir, `${plan.name}-${replica}`),
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      AUDIT_SIGNING_KEY: this.secret(dataDir, 'audit-signing-key', 32),
      ISSUANCE_MASTER_KEY: this.secret(dataDir, 'issuance-master-key', 32),
      LOG_LEVEL: this.options.env?.LOG_LEVEL ?? process.env.LOG_LEVEL ?? 'info',
    };
    const main = join(this.options.repoRoot, 'dist', 'apps', plan.name, 'src', 'main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
    const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const prefix = `${plan.name}#${replica}`;
    const forward = (stream: NodeJS.WritableStream) => (d: Buffer) => {
      for (const line of d.toString().split('\n').filter(Boolean)) stream.write(`[${prefix}] ${line}\n`);
    };
    if (process.env.DISTRIBUTED_QUIET !== '1') {
      child.stdout!.on('data', forward(process.stdout));
      child.stderr!.on('data', forward(process.stderr));
    } else {
      child.stdout!.resume();
      child.stderr!.resume();
    }
    const running = { service: plan.name, replica, url: `http://127.0.0.1:${port}`, child, env };
    const i = this.processes.findIndex((p) => p.service === plan.name && p.replica === replica);
    if (i >= 0) this.processes[i] = running;
    else this.processes.push(running);
    return running;
  }

  async down(): Promise<void> {
    await Promise.all(
      this.processes.map(
        (p) =>
          new Promise<void>((res) => {
            if (p.child.exitCode !== null || p.child.signalCode !== null) return res();
            p.child.once('exit', () => res());
            p.child.kill('SIGTERM');
            setTimeout(() => p.child.kill('SIGKILL'), 15_000).unref();
          }),
      ),
    );
    this.log({ msg: 'distributed platform stopped' });
  }

  private async ensureDatabase(): Promise<void> {
    const admin = new Client({ connectionString: this.options.pgAdminUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    try {
      const name = this.options.database ?? 'alliance_distributed';
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
  }

  /** Development secrets for the distributed run, generated once and kept under the data folder. */
  private secret(dataDir: string, name: string, bytes: number): string {
    const file = join(dataDir, `${name}.hex`);
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, randomBytes(bytes).toString('hex'), { mode: 0o600 });
    }
    return readFileSync(file, 'utf8').trim();
  }
}

export async function waitReady(p: RunningProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (p.child.exitCode !== null) throw new Error(`${p.service}#${p.replica} exited with code ${p.child.exitCode} during start-up`);
    try {
      const res = await fetch(`${p.url}/health/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${p.service}#${p.replica} was not ready at ${p.url}/health/ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
