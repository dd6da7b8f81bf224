import fc from 'fast-check';
import { type EmbeddedPlatform, startEmbeddedPlatform } from '../support/embedded-platform';
import { token } from '../support/scenario-http';
import { type FuzzCase, fuzzCaseArbitrary } from './support/fuzz-case';
import { seedWorld, type FuzzWorld } from './support/fuzz-world';
import { settledEvents } from './support/event-ledger';
import { type Operation, operationsOf } from './support/openapi-operations';
import { describeCase, type FuzzOutcome, problemsWith, sendCase } from './support/send-case';

/**
 * Every operation every service documents in its OpenAPI document, sent generated requests: valid-ish bodies
 * from the schemas and their mutations, seeded and unknown and malformed ids, query junk, other media types,
 * and callers from nobody and forged tokens to the roles of other institutions. Whatever arrives, the platform
 * answers below 500, refuses with a problem+json that names a field or a code, writes nothing for a refused
 * request, and stays ready.
 *
 * FUZZ_CASES sets the budget (default: small enough for CI); FUZZ_SEED replays a run (the seed is printed).
 */
const SERVICES = ['catalogue', 'enrolment', 'assessment', 'issuance', 'verification', 'audit'] as const;
const DEFAULT_SEED = 20_260_101;
const DEFAULT_CASES = 600;
const BATCH = 30;
const seed = integerSetting('FUZZ_SEED', DEFAULT_SEED);
const cases = integerSetting('FUZZ_CASES', DEFAULT_CASES);

function integerSetting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw new Error(`${name} must be a whole number, got ${raw}`);
  return Number(raw);
}

/**
 * Refused requests known to write, whose fix belongs to code under change elsewhere: listed with the reason,
 * printed on every run, and still failing the run if anything else is found.
 */
const KNOWN_WRITES_ON_REFUSAL: Record<string, string> = {};

interface Finding {
  index: number;
  request: string;
  problems: string[];
  answer?: string;
}

describe('every documented operation under generated input', () => {
  let platform: EmbeddedPlatform;
  let world: FuzzWorld;
  let operations: Operation[];
  let auditor: string;

  beforeAll(async () => {
    platform = await startEmbeddedPlatform(5500 + Math.floor(Math.random() * 100) * 10, { PUBLIC_RATE_LIMIT_PER_MINUTE: '0' });
    world = await seedWorld(platform);
    auditor = await token('auditor');
    operations = [];
    for (const service of SERVICES) {
      const res = await fetch(`${platform.urls[service]}/docs-json`);
      expect({ service, status: res.status }).toEqual({ service, status: 200 });
      operations.push(...operationsOf(service, (await res.json()) as Parameters<typeof operationsOf>[1]));
    }
  }, 180_000);

  afterAll(async () => {
    await platform?.close();
  }, 60_000);

  it(
    `answers every case below 500, refuses with a problem naming a field or code, writes nothing when it refuses, and stays ready (FUZZ_CASES=${cases})`,
    async () => {
      // Each service documents its health and parked-event routes, and more than those.
      expect(new Set(operations.map((o) => o.service))).toEqual(new Set(SERVICES));
      expect(operations.length).toBeGreaterThan(SERVICES.length * 3);
      process.stdout.write(
        `openapi fuzz: FUZZ_SEED=${seed} FUZZ_CASES=${cases} over ${operations.length} operations (replay with FUZZ_SEED=${seed} FUZZ_CASES=${cases})\n`,
      );

      const generated = fc.sample(fuzzCaseArbitrary(operations, world), { seed, numRuns: cases });
      const findings: Finding[] = [];
      const statuses = new Map<number, number>();
      const reached = new Map<string, number>();
      const lastRefusal = new Map<string, string>();
      const known = new Map<string, Set<number>>();
      for (let start = 0; start < generated.length; start += BATCH) {
        const since = new Date(Date.now() - 2_000).toISOString();
        const before = await settledEvents(world.urls.audit, auditor, since);
        const batch: { index: number; c: FuzzCase; outcome: FuzzOutcome; correlationId: string }[] = [];
        for (let index = start; index < Math.min(start + BATCH, generated.length); index++) {
          const c = generated[index]!;
          const correlationId = `fuzz-${seed}-${index}`;
          const outcome = await sendCase(world, c, correlationId);
          batch.push({ index, c, outcome, correlationId });
          statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
          if (outcome.status < 400) reached.set(c.operation, (reached.get(c.operation) ?? 0) + 1);
          else if (outcome.status !== 401 && outcome.status !== 403)
            lastRefusal.set(c.operation, `${describeCase(c).slice(0, 400)} -> ${outcome.text.slice(0, 300)}`);
          const problems = problemsWith(outcome);
          if (problems.length > 0) findings.push({ index, request: describeCase(c), problems, answer: outcome.text.slice(0, 300) });
        }
        const after = await settledEvents(world.urls.audit, auditor, since);
        const refused = new Map(batch.filter((b) => b.outcome.status >= 400).map((b) => [b.correlationId, b]));
        const appended: string[] = [];
        for (const [id, correlationId] of after) {
          if (before.has(id)) continue;
          const culprit = correlationId === undefined ? undefined : refused.get(correlationId);
          if (culprit && KNOWN_WRITES_ON_REFUSAL[culprit.c.operation])
            known.set(culprit.c.operation, (known.get(culprit.c.operation) ?? new Set()).add(culprit.index));
          else appended.push(id);
          if (culprit && !KNOWN_WRITES_ON_REFUSAL[culprit.c.operation])
            findings.push({
              index: culprit.index,
              request: describeCase(culprit.c),
              problems: [`refused with ${culprit.outcome.status} yet appended ${id}`],
            });
        }
        const accepted = batch.filter((b) => b.outcome.status < 400 && b.c.method !== 'GET');
        if (accepted.length === 0 && appended.length > 0) {
          findings.push({
            index: start,
            request: `cases ${start}-${start + batch.length - 1}`,
            problems: [`a batch refused or only read, yet ${appended.length} events were appended`],
          });
        }
      }

      process.stdout.write(
        `openapi fuzz: ${generated.length} cases, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}, ` +
          `${reached.size}/${operations.length} operations answered below 400 at least once, ${findings.length} findings\n`,
      );
      const neverAccepted = operations.map((o) => `${o.service} ${o.method} ${o.path}`).filter((o) => !reached.has(o));
      process.stdout.write(`  never answered below 400: ${neverAccepted.join(', ') || 'none'}\n`);
      // FUZZ_VERBOSE=1: why each of those was refused last, to make the generated bodies reach deeper.
      if (process.env['FUZZ_VERBOSE'] === '1')
        for (const o of neverAccepted) process.stdout.write(`    ${o}: ${lastRefusal.get(o) ?? '(only 401/403)'}\n`);
      for (const [operation, indices] of known) {
        process.stdout.write(
          `  known, not failing the run: ${operation} wrote on refusal in cases #${[...indices].join(', #')}: ${KNOWN_WRITES_ON_REFUSAL[operation]}\n`,
        );
      }
      for (const f of findings.slice(0, 50))
        process.stdout.write(`  #${f.index} ${f.problems.join('; ')}\n    ${f.request}\n    -> ${f.answer ?? ''}\n`);

      for (const service of SERVICES) {
        const ready = await fetch(`${platform.urls[service]}/health/ready`);
        const report = (await ready.json()) as { status: string; degraded?: string[] };
        const parked = (await (
          await fetch(`${platform.urls[service]}/parked-events`, { headers: { authorization: `Bearer ${auditor}` } })
        ).json()) as { total: number };
        expect({ service, status: ready.status, report: report.status, degraded: report.degraded, parked: parked.total }).toEqual({
          service,
          status: 200,
          report: 'ok',
          degraded: undefined,
          parked: 0,
        });
      }
      expect(findings.map((f) => `#${f.index} ${f.problems.join('; ')}: ${f.request}`)).toEqual([]);
    },
    120_000 + cases * 250,
  );
});
