/**
 * The built embedded platform (`apps/platform`, all six services in one Node process) as a child process, so
 * the load generator does not share its event loop, plus the joint credential every cohort is issued for:
 * two members with platform-held keys and automatic signing, one published two-component definition.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuthenticatedActor, mintToken, type Role } from '@alliance/nest-kit';
import { type ProvenKey, registerInstitutionKey } from '@alliance/testing';

export const SERVICES = ['catalogue', 'enrolment', 'assessment', 'issuance', 'verification', 'audit'] as const;
export type Urls = Record<(typeof SERVICES)[number], string>;

export interface BenchPlatform {
  urls: Urls;
  dataDir: string;
  /** Resident set size of the platform process, in MiB. */
  rssMiB(): number;
  /** CPU time the platform process used so far (user + system), in seconds. */
  cpuSeconds(): number;
  /** Bytes under DATA_DIR/<service>. */
  storeBytes(service: string): number;
  close(): Promise<void>;
}

const DEV_AUTH = {
  AUTH_JWT_SECRET: 'development-only-secret-change-me-0000',
  AUTH_ISSUER: 'alliance-platform',
  AUTH_AUDIENCE: 'alliance-api',
};

export function token(role: Role, institution?: string): Promise<string> {
  return mintToken(
    { subject: `${role}-${institution ?? 'alliance'}`, role, ...(institution ? { institution } : {}) } as AuthenticatedActor,
    DEV_AUTH,
  );
}

export async function call<T = Record<string, unknown>>(
  method: string,
  url: string,
  body?: unknown,
  bearer?: string,
  expected = [200, 201],
): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!expected.includes(res.status)) throw new Error(`${method} ${url} answered ${res.status}: ${text.slice(0, 1000)}`);
  return JSON.parse(text) as T;
}

export async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs: number, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function startBenchPlatform(firstPort: number, env: NodeJS.ProcessEnv = {}): Promise<BenchPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-platform-'));
  const main = join(__dirname, '..', '..', 'apps', 'platform', 'src', 'main.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [...(process.env.BENCH_PLATFORM_NODE_OPTIONS?.split(' ').filter(Boolean) ?? []), main],
    {
      env: { ...process.env, DATA_DIR: dataDir, PLATFORM_BASE_PORT: String(firstPort), LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: dataDir,
    },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output = (output + d).slice(-20_000)));
  child.stderr!.on('data', (d) => (output = (output + d).slice(-20_000)));
  let ended = false;
  const exited = new Promise((r) => child.once('exit', r)).then(() => (ended = true));
  await until(async () => (output.includes('"msg":"platform ready"') || ended ? true : undefined), 'the platform', 120_000, 200);
  if (ended || !output.includes('"msg":"platform ready"')) throw new Error(`the platform did not start:\n${output.slice(-3000)}`);
  const urls = Object.fromEntries(SERVICES.map((s, i) => [s, `http://127.0.0.1:${firstPort + i}`])) as Urls;
  return {
    urls,
    dataDir,
    rssMiB: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    // Fields 14 and 15 of /proc/<pid>/stat (after the command name in parentheses): user and system time, in clock ticks of 1/100 s.
    cpuSeconds: () => {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8')
        .replace(/^.*\) /s, '')
        .split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    storeBytes: (service) => bytesUnder(join(dataDir, service)),
    async close() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function bytesUnder(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += statSync(join(e.parentPath, e.name)).size;
  }
  return total;
}

export interface JointCredential {
  members: { id: string; did: string }[];
  specId: string;
}

/** Two members, keys held by issuance, automatic signing; one definition with a component each, published. */
export async function setUpJointCredential(urls: Urls): Promise<JointCredential> {
  const admin = await token('alliance-admin');
  const members: { id: string; did: string }[] = [];
  for (const [name, countryCode, host] of [
    ['Aalborg University', 'DK', 'www.aau.dk'],
    ['University of Twente', 'NL', 'www.utwente.nl'],
  ] as const) {
    const member = await call<{ id: string; did: string }>(
      'POST',
      `${urls.catalogue}/institutions`,
      { name, legalName: name, countryCode, homepage: `https://${host}` },
      admin,
    );
    const ownAdmin = await token('institution-admin', member.id);
    await registerInstitutionKey({
      catalogue: urls.catalogue,
      institutionId: member.id,
      token: ownAdmin,
      keyId: 'key-1',
      custody: 'issuance-service',
      prove: (challenge) => call<ProvenKey>('POST', `${urls.issuance}/institutions/${member.id}/signing-keys`, { challenge }, ownAdmin),
    });
    await call('PUT', `${urls.issuance}/institutions/${member.id}/signing-policy`, { policy: 'automatic' }, ownAdmin);
    members.push(member);
  }
  const spec = await call<{ id: string }>(
    'POST',
    `${urls.catalogue}/credential-specs`,
    {
      title: 'Urban Climate Adaptation',
      description: 'Two universities teach and assess climate adaptation for cities together.',
      learningOutcomes: [{ description: 'Assess climate risks of an urban district' }],
      ects: 4,
      eqfLevel: 7,
      assessmentType: 'Project report and oral defence',
      formOfParticipation: 'blended',
      qualityAssurance: { type: 'Internal quality assurance of the awarding universities', body: 'The Danish Accreditation Institution' },
      issuanceRule: { allComponentsPassed: true },
      gradingScheme: { type: 'numeric', minimum: 1, maximum: 10, passMark: 6 },
      languages: ['en'],
      awardingBodies: members.map((m, i) => ({ institutionId: m.id, lead: i === 0 })),
      components: COMPONENTS.map((c) => ({ code: c.code, title: c.code, institutionId: members[c.member]!.id, ects: 2 })),
    },
    admin,
  );
  await call('POST', `${urls.catalogue}/credential-specs/${spec.id}/propose`, undefined, admin);
  for (const m of members)
    await call(
      'POST',
      `${urls.catalogue}/credential-specs/${spec.id}/approvals`,
      { comment: 'approved' },
      await token('institution-admin', m.id),
    );
  await call('POST', `${urls.catalogue}/credential-specs/${spec.id}/publish`, undefined, admin);
  return { members, specId: spec.id };
}

export const COMPONENTS = [
  { code: 'RISK', member: 0, grade: 8 },
  { code: 'DESIGN', member: 1, grade: 9 },
] as const;
