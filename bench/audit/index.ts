/**
 * Audit replay over a large history (default 1,000,000 events in the five embedded stores): a raw read of
 * the files as the baseline, then what an auditor runs (folding every stream, verifying every hash and
 * checkpoint, exporting and verifying a bundle offline), each with its throughput and its ratio to the
 * baseline measured in the same run; then per-call latency of point-in-time state and provenance.
 * BENCH_AUDIT_EVENTS sets the size; BENCH_AUDIT_KEEP=1 keeps the data folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  auditKeyFromSeed,
  type AuditSource,
  Checkpointer,
  credentialProvenance,
  exportBundle,
  StateReplayer,
  verifyBundle,
  verifyLog,
} from '@alliance/audit';
import { verifyChain } from '@alliance/event-sourcing';
import { percentile, perSecond as rate } from '../support/output';
import { rawRead } from './raw-baseline';
import { AUDITED, appendTo, openEmbeddedStores, writeSyntheticHistory } from './synthetic-history';

interface Row {
  mode: string;
  events: number;
  ms: number;
  eventsPerSecond: number;
  vsRawRead: string;
}

async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

export async function run(): Promise<void> {
  const target = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
  const dir = await mkdtemp(join(tmpdir(), 'bench-audit-'));
  const stores = openEmbeddedStores(dir);
  const auditStore = openEmbeddedStores(join(dir, 'own')).catalogue;
  const sources: AuditSource[] = AUDITED.map((name) => ({ name, store: stores[name] }));
  const key = auditKeyFromSeed('33'.repeat(32));
  try {
    const written = await timed(() =>
      writeSyntheticHistory(appendTo(stores), target, (n) => n % 100_000 < 20 && process.stderr.write(`  written ${n}\n`)),
    );
    console.log(
      `history: ${written.value} events in ${AUDITED.length} embedded stores, written in ${Math.round(written.ms)} ms (${rate(written.value, written.ms)} events/s)`,
    );
    const sealed = await timed(() => new Checkpointer(sources, auditStore, key).checkpointAll());
    console.log(`checkpoints: ${sealed.value.length} signed Merkle roots over ${written.value} hashes in ${Math.round(sealed.ms)} ms`);

    // The baseline runs first and again last; the better of the two counts (the first pays for warm-up).
    let raw = await timed(() => rawRead(dir, AUDITED));
    const rows: Row[] = [];
    const add = (mode: string, events: number, ms: number) =>
      rows.push({
        mode,
        events,
        ms: Math.round(ms),
        eventsPerSecond: rate(events, ms),
        vsRawRead: `${(rate(events, ms) / rate(raw.value, raw.ms)).toFixed(2)}x`,
      });
    add('baseline: raw SQLite read + JSON.parse (no adapter)', raw.value, raw.ms);

    const read = await timed(async () => {
      let n = 0;
      for (const s of sources) for await (const _ of s.store.readAll({ batchSize: 2000 })) n++;
      return n;
    });
    add('store adapter readAll', read.value, read.ms);

    const fold = await timed(async () => {
      // Every stream folded to its latest state: what point-in-time replay of the whole history costs.
      const states = new Map<string, { revision: number; type: string; events: number }>();
      let n = 0;
      for (const s of sources) {
        for await (const e of s.store.readAll({ batchSize: 2000 })) {
          const st = states.get(e.streamId);
          states.set(e.streamId, { revision: e.revision, type: e.type, events: (st?.events ?? 0) + 1 });
          n++;
        }
      }
      return n;
    });
    add('replay: fold every stream to its state', fold.value, fold.ms);

    const chain = await timed(async () => {
      let n = 0;
      for (const s of sources) n += (await verifyChain(s.store, { batchSize: 2000 })).checked;
      return n;
    });
    add('verify: hash chain only (kernel verifyChain)', chain.value, chain.ms);

    const verified = await timed(() => verifyLog(sources, auditStore, key.publicKey));
    if (!verified.value.every((v) => v.ok)) throw new Error(`verification failed on an intact store: ${JSON.stringify(verified.value)}`);
    add(
      'verify: every hash, chain link and Merkle root',
      verified.value.reduce((n, v) => n + (v.store === 'audit' ? 0 : v.eventsChecked), 0),
      verified.ms,
    );

    const bundleDir = join(dir, 'bundle');
    const exported = await timed(() => exportBundle(sources, auditStore, key, bundleDir));
    add(
      'export bundle (NDJSON + digests, signed)',
      exported.value.stores.reduce((n, s) => n + s.events, 0),
      exported.ms,
    );
    const offline = await timed(() => verifyBundle(bundleDir, { publicKey: key.publicKey }));
    if (!offline.value.ok) throw new Error(`bundle verification failed: ${JSON.stringify(offline.value)}`);
    add(
      'verify-bundle offline',
      offline.value.stores.reduce((n, s) => n + s.eventsChecked, 0),
      offline.ms,
    );

    const rawAgain = await timed(() => rawRead(dir, AUDITED));
    if (rawAgain.ms < raw.ms) raw = rawAgain;
    const rawRate = rate(raw.value, raw.ms);
    rows[0] = { ...rows[0]!, ms: Math.round(raw.ms), eventsPerSecond: rawRate };
    for (const row of rows) row.vsRawRead = `${(row.eventsPerSecond / rawRate).toFixed(2)}x`;
    console.table(rows);
    await latencies(sources);
  } finally {
    await Promise.all([...Object.values(stores).map((s) => s.close()), auditStore.close()]);
    if (process.env.BENCH_AUDIT_KEEP === '1') console.log(`data kept in ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

/** Per-call latency on the big history: what an auditor waits for one answer. */
async function latencies(sources: AuditSource[]): Promise<void> {
  const replayer = new StateReplayer(sources);
  const samples = 50;
  const credentials = (await sources.find((s) => s.name === 'verification')!.store.headPosition()) || 1;
  const stateMs: number[] = [];
  const provenanceMs: number[] = [];
  for (let k = 0; k < samples; k++) {
    const i = Math.floor((k * credentials) / samples);
    const state = await timed(() => replayer.stateAt(`issuance.credential-cred-${i}`, new Date().toISOString()));
    if (state.value.eventsApplied === 0) throw new Error(`no events replayed for cred-${i}`);
    stateMs.push(state.ms);
    if (k < 5) provenanceMs.push((await timed(() => credentialProvenance(sources, `cred-${i}`))).ms);
  }
  const median = (xs: number[]) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      50,
    );
  console.table([
    { call: 'point-in-time state of one stream', calls: stateMs.length, medianMs: +median(stateMs).toFixed(2) },
    {
      call: 'provenance of one credential (scans the verification store)',
      calls: provenanceMs.length,
      medianMs: Math.round(median(provenanceMs)),
    },
  ]);
}
