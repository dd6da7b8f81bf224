import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
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
  /** Receives every output line of the services; default: forwarded to this process's stdout/stderr, prefixed. */
  output?: (service: string, line: string) => void;
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
    this.log =
      options.log ?? ((line) => process.stdout.write(JSON.stringify({ level: 'info', time: new Date().toISOString(), ...line }) + '\n'));
  }

  get databaseUrl(): string {
    const url = new URL(this.adminUrl);
    url.pathname = `/${this.database}`;
    return url.toString();
  }

  private get adminUrl(): string {
    return this.options.pgAdminUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  }

  /** Checked because it is spliced into CREATE/DROP DATABASE, which take no parameters. */
  private get database(): string {
    const name = this.options.database ?? 'alliance_distributed';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
      throw new Error(`database name "${name}" must be lower-case letters, digits and underscores`);
    return name;
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
    this.log({
      msg: 'distributed platform ready',
      services: this.processes.map((p) => ({ service: p.service, replica: p.replica, url: p.url })),
    });
    return this.processes;
  }

  /**
   * Verification reaches this platform's own issuance (its status lists) on loopback; other private addresses stay
   * refused. It reads the platform's JSON-LD contexts from its bundled copies where credentials name them:
   * CONTEXT_BASE_URL when configured (every service gets it), else issuance's public URL.
   */
  private ownIssuance(): NodeJS.ProcessEnv {
    const issuance = DISTRIBUTED_SERVICES.find((s) => s.name === 'issuance')!;
    const url = `http://127.0.0.1:${issuance.port + (this.options.basePortOffset ?? 0)}`;
    const env = { ...process.env, ...this.options.env };
    return {
      VERIFICATION_ISSUANCE_PUBLIC_URL: url,
      VERIFICATION_ISSUANCE_INTERNAL_URL: url,
      ...(env.CONTEXT_BASE_URL ? {} : { CONTEXT_BASE_URL: env.ISSUANCE_PUBLIC_URL ?? url }),
    };
  }

  /** Starts one more process of a service (used to restart after a kill). */
  spawnService(plan: ServicePlan, replica: number): RunningProcess {
    const servicePort = plan.port + (this.options.basePortOffset ?? 0);
    const port = servicePort + replica * 100;
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
      // The service's address, not the replica's: issuance names status lists under it in every credential,
      // which must stay resolvable when that replica is gone.
      PUBLIC_BASE_URL: `http://127.0.0.1:${servicePort}`,
      AUDIT_SIGNING_KEY: this.secret(dataDir, 'audit-signing-key', 32),
      ISSUANCE_MASTER_KEY: this.secret(dataDir, 'issuance-master-key', 32),
      PERSONAL_DATA_KEY: this.secret(dataDir, 'personal-data-key', 32),
      LOG_LEVEL: this.options.env?.LOG_LEVEL ?? process.env.LOG_LEVEL ?? 'info',
      ...(plan.name === 'verification' ? this.ownIssuance() : {}),
    };
    const main = join(this.options.repoRoot, 'dist', 'apps', plan.name, 'src', 'main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
    const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const prefix = `${plan.name}#${replica}`;
    const quiet = !this.options.output && process.env.DISTRIBUTED_QUIET === '1';
    for (const [source, target] of [
      [child.stdout!, process.stdout],
      [child.stderr!, process.stderr],
    ] as const) {
      if (quiet) {
        source.resume();
        continue;
      }
      // Whole lines: a chunk can end mid-line, and a JSON log line cut in two can be neither parsed nor grepped.
      createInterface({ input: source, crlfDelay: Infinity }).on('line', (line) => {
        if (!line) return;
        if (this.options.output) this.options.output(prefix, line);
        else target.write(`[${prefix}] ${line}\n`);
      });
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

  /** Drops the database of the run (a test's throw-away one), cutting any connection still open to it. */
  async dropDatabase(): Promise<void> {
    await this.withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`));
    this.log({ msg: 'database dropped', database: this.database });
  }

  private async ensureDatabase(): Promise<void> {
    const name = this.database;
    await this.withAdmin(async (admin) => {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
    });
  }

  private async withAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
    const admin = new Client({ connectionString: this.adminUrl });
    await admin.connect();
    try {
      return await work(admin);
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
    if (p.child.exitCode !== null || p.child.signalCode !== null)
      throw new Error(`${p.service}#${p.replica} exited (${p.child.exitCode ?? p.child.signalCode}) during start-up`);
    try {
      const res = await fetch(`${p.url}/health/ready`);
      // Another program on the port (a port clash) may answer too: only our service under its name counts.
      if (res.ok && ((await res.json()) as { service?: string }).service === p.service) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${p.service}#${p.replica} was not ready at ${p.url}/health/ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
