/**
 * Catalogue throughput, end to end over HTTP on the embedded defaults (event store on disk, PGlite read
 * model, in-process bus): registering members, taking joint definitions through their whole lifecycle
 * (every write answers only once the read model has it), and rebuilding the read model from the log; beside a
 * baseline measured in the same run: raw appends of the same events to a fresh embedded store.
 *   npm run build && node dist/bench/catalogue/index.js     (BENCH_CATALOGUE_SPECS, default 100)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE_SERVICE, demoCredentialDefinition, ECIU_MEMBERS } from '@alliance/catalogue';
import { createEventStore, NO_STREAM, type RecordedEvent } from '@alliance/event-sourcing';
import { createIntegrationBus } from '@alliance/messaging';
import { mintToken } from '@alliance/nest-kit';
import { loadServiceConfig, runService } from '@alliance/service-runtime';
import { percentile, perSecond, runIfMain } from '../support/output';

interface Row {
  step: string;
  operations: number;
  ms: number;
  perSecond: number;
  p50ms: number;
  p99ms: number;
}

export async function run(): Promise<void> {
  const specs = Number(process.env.BENCH_CATALOGUE_SPECS ?? 100);
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-catalogue-'));
  const rawDir = await mkdtemp(join(tmpdir(), 'bench-catalogue-raw-'));
  const bus = await createIntegrationBus({ kind: 'in-process' });
  const config = loadServiceConfig(CATALOGUE_SERVICE, { LOG_LEVEL: 'silent', DATA_DIR: dataDir });
  const service = await runService(CATALOGUE_SERVICE, { config, port: 0, sharedBus: bus });
  const table: Row[] = [];
  try {
    const admin = await mintToken({ subject: 'bench', role: 'alliance-admin' }, config);
    const call = async (method: string, path: string, token: string, body?: unknown) => {
      const res = await fetch(service.url + path, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: string };
    };

    const ids: Record<string, string> = {};
    const register = await timed(ECIU_MEMBERS.length, async (i) => {
      const { key, ...profile } = ECIU_MEMBERS[i];
      ids[key] = (await call('POST', '/institutions', admin, profile)).id;
    });
    table.push(row('register a member (POST /institutions)', register));

    const approvers = await Promise.all(
      ['aau', 'ut', 'tuni'].map((k) => mintToken({ subject: `bench@${k}`, role: 'institution-admin', institution: ids[k] }, config)),
    );
    const lifecycle = await timed(specs, async (i) => {
      const definition = { ...demoCredentialDefinition(ids as never), title: `Challenge-Based Innovation ${i}` };
      const { id } = await call('POST', '/credential-specs', admin, definition);
      await call('POST', `/credential-specs/${id}/propose`, admin);
      for (const token of approvers) await call('POST', `/credential-specs/${id}/approvals`, token, {});
      await call('POST', `/credential-specs/${id}/publish`, admin);
    });
    table.push(row('definition lifecycle: draft, propose, 3 approvals, publish (6 writes)', lifecycle));

    const events: RecordedEvent[] = [];
    const store = await createEventStore({ kind: 'embedded', dataDir: join(dataDir, 'catalogue') }).catch(() => undefined);
    const source = store ?? undefined;
    if (source) {
      for await (const e of source.readAll()) events.push(e);
      await source.close();
    }
    const raw = await createEventStore({ kind: 'embedded', dataDir: rawDir });
    const byStream = new Map<string, RecordedEvent[]>();
    for (const e of events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
    const baseline = await timed(byStream.size, async (i) => {
      const [streamId, streamEvents] = [...byStream.entries()][i];
      let revision: number | typeof NO_STREAM = NO_STREAM;
      for (const e of streamEvents) {
        await raw.appendToStream(streamId, [{ type: e.type, data: e.data, metadata: e.metadata }], { expectedRevision: revision });
        revision = e.revision;
      }
    });
    await raw.close();
    table.push(row(`baseline: raw appends of the same ${events.length} events, one at a time`, baseline, events.length));

    const started = performance.now();
    const res = await fetch(`${service.url}/admin/read-model/rebuild`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'verify' }),
    });
    const rebuilt = (await res.json()) as { handled: number; identical: boolean; eventsPerSecond: number };
    const ms = performance.now() - started;
    table.push({
      step: `read model rebuild from zero + compare (identical: ${rebuilt.identical})`,
      operations: rebuilt.handled,
      ms: Math.round(ms),
      perSecond: rebuilt.eventsPerSecond,
      p50ms: 0,
      p99ms: 0,
    });
  } finally {
    await service.close();
    await bus.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(rawDir, { recursive: true, force: true });
  }
  console.log(`catalogue: ${ECIU_MEMBERS.length} members, ${specs} joint definitions, over HTTP on the embedded defaults`);
  console.table(table);
}

async function timed(count: number, op: (i: number) => Promise<unknown>): Promise<{ ms: number; count: number; latencies: number[] }> {
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await op(i);
    latencies.push(performance.now() - t0);
  }
  return { ms: performance.now() - started, count, latencies: latencies.sort((a, b) => a - b) };
}

function row(step: string, m: { ms: number; count: number; latencies: number[] }, operations = m.count): Row {
  const at = (p: number) => Math.round(percentile(m.latencies, p) * 10) / 10;
  return { step, operations, ms: Math.round(m.ms), perSecond: perSecond(operations, m.ms), p50ms: at(50), p99ms: at(99) };
}

runIfMain(module, run);
