import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ASSESSMENT_SERVICE } from '@alliance/assessment';
import type { RecordedEvent } from '@alliance/event-sourcing';
import { createIntegrationBus } from '@alliance/messaging';
import { createServiceApp, mintToken } from '@alliance/nest-kit';
import { createRuntime, loadServiceConfig, serviceRootModule } from '@alliance/service-runtime';
import { cohortCsv, enrolmentIds, INSTITUTION, teach } from './cohort';

export interface BulkRun {
  rows: number;
  recorded: number;
  /** Until the response: every row validated, decided, appended, and visible in the read model. */
  ms: number;
  /** Until the last result event was durable in the store (the read model may still be catching up). */
  durableMs: number;
  /** The events the service appended for the rows, to replay into the baseline. */
  events: RecordedEvent[];
}

/**
 * One bulk upload end to end: the CSV goes over real HTTP to the assessment service, which validates every
 * row, decides, appends to its event store and answers once its read model includes the results.
 */
export async function benchBulkPublication(rows: number, env: Record<string, string>): Promise<BulkRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-assessment-'));
  const config = loadServiceConfig(ASSESSMENT_SERVICE, { LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...env });
  const bus = await createIntegrationBus({ kind: 'in-process', retention: rows + 10 });
  const runtime = await createRuntime(ASSESSMENT_SERVICE.name, config, { sharedBus: bus });
  const app = await createServiceApp({
    service: 'assessment',
    description: 'bench',
    module: serviceRootModule(ASSESSMENT_SERVICE, runtime),
    config,
  });
  try {
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    const ids = enrolmentIds(rows);
    await teach(bus, ids);
    const csv = cohortCsv(ids);
    const token = await mintToken({ subject: 'bench-registrar', role: 'registrar', institution: INSTITUTION }, config);
    const headBefore = await runtime.eventStore.headPosition();
    const started = performance.now();
    let durableMs = Number.NaN;
    // Watches the log while the request runs: the moment every row's event is in it (plus the batch summary).
    const watching = (async () => {
      while (Number.isNaN(durableMs)) {
        if ((await runtime.eventStore.headPosition()) >= headBefore + rows + 1) durableMs = performance.now() - started;
        else await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const res = await fetch(`http://127.0.0.1:${address.port}/assessment-results/batches?batchId=bench-${Date.now()}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: csv,
    });
    const report = (await res.json()) as { recorded?: number; rejected?: number; detail?: string };
    const ms = performance.now() - started;
    await watching;
    if (res.status !== 200 || report.recorded !== rows)
      throw new Error(`bulk upload failed: ${res.status} ${JSON.stringify(report).slice(0, 500)}`);
    const events: RecordedEvent[] = [];
    for await (const e of runtime.eventStore.readAll({ filter: { eventTypes: ['ResultPublished'] } })) events.push(e);
    return { rows, recorded: report.recorded, ms, durableMs: Math.min(durableMs, ms), events };
  } finally {
    await app.close();
    await bus.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
