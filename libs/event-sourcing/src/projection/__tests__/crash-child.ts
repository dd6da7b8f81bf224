// Child process of projection-crash.int.spec.ts: appends ticks and projects them at the same time,
// until the parent kills it with SIGKILL. Run as `node -r <testing/swc-register.cjs> crash-child.ts`.
// Configuration comes as JSON in CRASH_CHILD; progress goes to stdout, one JSON object per line.
import { randomUUID } from 'node:crypto';
import { NO_STREAM } from '../../expected-revision';
import { createReadModelOrm } from '../../read-model/create-read-model-orm';
import { createEventStore } from '../../store/create-event-store';
import { appliedEventsProjection } from '../../testing/__fixtures__/applied-events-projection';
import { defineProjection } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import type { CrashChildConfig } from './crash-child-process';

const say = (message: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(message)}\n`);

async function main(): Promise<void> {
  const config = JSON.parse(process.env.CRASH_CHILD ?? '{}') as CrashChildConfig;
  const run = randomUUID();
  const store = await createEventStore(config.store);
  const orm = await createReadModelOrm(config.readModels);
  const apply = appliedEventsProjection.handlers['demo.tick'];
  const projection = defineProjection({
    ...appliedEventsProjection,
    handlers: {
      'demo.tick': async (event, context) => {
        await apply(event, context);
        const tick = event.data as { run: string; n: number };
        if (tick.run === run && tick.n === config.hangAt) {
          // Rows of this batch are written but uncommitted, and the checkpoint not yet moved.
          say({ hanging: event.position });
          await new Promise(() => undefined);
        }
      },
    },
  });
  const runner = new ProjectionRunner({
    store,
    orm,
    projection,
    batchSize: config.batchSize,
    pollIntervalMs: 5,
    onProgress: (p) => say({ checkpoint: p.position }),
    onError: (error) => say({ error: String(error) }),
  });
  await runner.start();
  say({ started: runner.position });
  for (let n = 0; n < config.append; n++) {
    const r = await store.appendToStream(
      `demo.clock-${run}`,
      [
        {
          type: 'demo.tick',
          data: { run, n },
          metadata: { occurredAt: new Date().toISOString(), actor: { subject: 'crash-child' }, correlationId: run },
        },
      ],
      { expectedRevision: n === 0 ? NO_STREAM : n - 1 },
    );
    if (n % 50 === 0) say({ appended: r.lastPosition });
    if (config.appendDelayMs) await new Promise((resolve) => setTimeout(resolve, config.appendDelayMs));
  }
  say({ appendedAll: await store.headPosition() });
}

main().catch((error: unknown) => {
  say({ fatal: String((error as Error)?.stack ?? error) });
  process.exit(1);
});
