import { once } from 'node:events';
import { Command } from 'commander';
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import {
  auditInstant,
  AuditConfig,
  type AuditEnvironment,
  Checkpointer,
  credentialProvenance,
  credentialValidityAt,
  exportBundle,
  openAuditEnvironment,
  queryEvents,
  ReadModelAuditor,
  StateReplayer,
  verifyBundle,
  verifyLog,
} from '@alliance/audit';
import { loadConfig } from '@alliance/nest-kit';
import { AUDIT_STREAM_FOLDERS, auditReadModels } from '@alliance/composition';

/** Runs with the audited stores opened from the same environment the audit service uses. */
async function withAudit(work: (env: AuditEnvironment) => Promise<void>): Promise<void> {
  const env = await openAuditEnvironment(loadConfig('audit', AuditConfig));
  try {
    await work(env);
  } finally {
    await env.close();
  }
}

const print = (value: unknown): void => void process.stdout.write(JSON.stringify(value, null, 2) + '\n');

/** A bar on stderr (stdout stays machine-readable) fed with per-store counts. */
function progress(label: string, total: number) {
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} | {rate} events/s | {store}`,
    hideCursor: true,
    stream: process.stderr,
  });
  const started = Date.now();
  const done = new Map<string, number>();
  bar.start(total, 0, { store: '', rate: 0 });
  return {
    update(store: string, count: number) {
      done.set(store, count);
      const value = [...done.values()].reduce((a, b) => a + b, 0);
      bar.update(Math.min(value, total), { store, rate: Math.round((value * 1000) / Math.max(1, Date.now() - started)) });
    },
    stop: () => bar.stop(),
  };
}

function instant(text: string): string {
  const at = auditInstant(text);
  if (!at) throw new Error(`--at must be an ISO 8601 instant or a YYYY-MM-DD date, got ${text}`);
  return at;
}

/** `audit ...`: the auditor's commands, run against the raw stores. */
export function auditCommand(): Command {
  const audit = new Command('audit').description(
    'read, replay, verify and export the history (uses the audit service configuration from the environment)',
  );

  audit
    .command('events')
    .description('print matching events as NDJSON')
    .option('--store <names>', 'comma-separated stores')
    .option('--stream <id>', 'exact stream id')
    .option('--stream-prefix <prefix>', 'stream id prefix')
    .option('--type <types>', 'comma-separated event types')
    .option('--from <iso>', 'occurred at or after')
    .option('--to <iso>', 'occurred at or before')
    .option('--correlation <id>', 'correlation id')
    .option('--actor <subject>', 'actor subject')
    .option('--institution <id>', 'institution id')
    .action((o: Record<string, string | undefined>) =>
      withAudit(async ({ sources }) => {
        const filter = {
          ...(o['store'] ? { stores: o['store'].split(',') } : {}),
          ...(o['stream'] ? { streamId: o['stream'] } : {}),
          ...(o['streamPrefix'] ? { streamPrefix: o['streamPrefix'] } : {}),
          ...(o['type'] ? { eventTypes: o['type'].split(',') } : {}),
          ...(o['from'] ? { from: instant(o['from']) } : {}),
          ...(o['to'] ? { to: instant(o['to']) } : {}),
          ...(o['correlation'] ? { correlationId: o['correlation'] } : {}),
          ...(o['actor'] ? { actor: o['actor'] } : {}),
          ...(o['institution'] ? { institution: o['institution'] } : {}),
        };
        for await (const item of queryEvents(sources, filter)) {
          // Wait for a slow reader rather than buffering the whole history in memory.
          if (!process.stdout.write(JSON.stringify(item) + '\n')) await once(process.stdout, 'drain');
        }
      }),
    );

  audit
    .command('provenance <credentialId>')
    .description('everything that led to a credential and happened to it, across services, causes first')
    .option('--summary', 'print the summary only, without the timeline')
    .action((credentialId: string, o: { summary?: boolean }) =>
      withAudit(async ({ sources }) => {
        const found = await credentialProvenance(sources, credentialId);
        if (!found) throw new Error(`no audited store holds credential ${credentialId}`);
        print(o.summary ? { credentialId, summary: found.summary } : found);
      }),
    );

  audit
    .command('validity <credentialId>')
    .description('was the credential valid at an instant (or on a date), answered from the history')
    .requiredOption('--at <iso>', 'ISO 8601 instant, or YYYY-MM-DD for the end of that day (UTC)')
    .action((credentialId: string, o: { at: string }) =>
      withAudit(async ({ sources }) => {
        const found = await credentialValidityAt(sources, credentialId, instant(o.at));
        if (!found) throw new Error(`no audited store holds credential ${credentialId}`);
        print(found);
        if (!found.valid) process.exitCode = 3;
      }),
    );

  audit
    .command('state <stream>')
    .description('state of an aggregate as of an instant, replayed from its stream')
    .requiredOption('--at <iso>', 'ISO 8601 instant, or YYYY-MM-DD for the end of that day (UTC)')
    .action((stream: string, o: { at: string }) =>
      withAudit(async ({ sources }) => print(await new StateReplayer(sources, AUDIT_STREAM_FOLDERS).stateAt(stream, instant(o.at)))),
    );

  audit
    .command('checkpoint')
    .description('seal what every store appended since its last checkpoint (a signed Merkle root)')
    .action(() =>
      withAudit(async ({ sources, auditStore, key }) =>
        print({ checkpoints: await new Checkpointer(sources, auditStore, key).checkpointAll() }),
      ),
    );

  audit
    .command('verify')
    .description('recompute every hash and checkpoint from the raw stores; exit 1 at the first broken link')
    .action(() =>
      withAudit(async (env) => {
        const bar = progress('verify', await env.totalEvents());
        const verdicts = await verifyLog(env.sources, env.auditStore, env.key.publicKey, (p) => bar.update(p.store, p.checked));
        bar.stop();
        const ok = verdicts.every((v) => v.ok);
        print({ ok, stores: verdicts });
        if (!ok) process.exitCode = 1;
      }),
    );

  audit
    .command('export <dir>')
    .description('write a self-contained bundle (events, checkpoints, public key, README) for an external QA agency')
    .option('--no-seal', 'do not checkpoint the stores first')
    .action((dir: string, o: { seal: boolean }) =>
      withAudit(async (env) => {
        if (o.seal) await new Checkpointer(env.sources, env.auditStore, env.key).checkpointAll();
        const bar = progress('export', await env.totalEvents());
        const manifest = await exportBundle(env.sources, env.auditStore, env.key, dir, (p) => bar.update(p.store, p.events));
        bar.stop();
        print({ dir, ...manifest });
      }),
    );

  audit
    .command('verify-bundle <dir>')
    .description('verify an exported bundle offline')
    .option('--public-key <file>', 'the audit public key (JWK) published by the alliance; without it the bundled copy is trusted')
    .action(async (dir: string, o: { publicKey?: string }) => {
      const publicKey = o.publicKey ? createPublicKey({ key: JSON.parse(readFileSync(o.publicKey, 'utf8')), format: 'jwk' }) : undefined;
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { stores: { events: number }[] };
      const bar = progress(
        'verify-bundle',
        manifest.stores.reduce((a, s) => a + s.events, 0),
      );
      const verdict = await verifyBundle(dir, { ...(publicKey ? { publicKey } : {}), onProgress: (p) => bar.update(p.store, p.checked) });
      bar.stop();
      print(verdict);
      if (!verdict.ok) process.exitCode = 1;
    });

  audit
    .command('replay [projection]')
    .description('rebuild a read model from zero into fresh tables and diff it against the live one; lists them without a name')
    .option('--keep', 'keep the rebuilt tables for inspection')
    .action((projection: string | undefined, o: { keep?: boolean }) =>
      withAudit(async (env) => {
        // The command line may open embedded read models: it is meant to run with the platform stopped.
        const auditor = new ReadModelAuditor(env.sources, auditReadModels(env.config), { allowEmbedded: true });
        try {
          if (!projection) return print({ items: auditor.list() });
          let bar: ReturnType<typeof progress> | undefined;
          const report = await auditor.replay(projection, {
            keepReplayTables: o.keep ?? false,
            onProgress: (p) => (bar ??= progress('replay', p.target)).update(projection, p.position),
          });
          bar?.stop();
          print(report);
          if (!report.identical) process.exitCode = 1;
        } finally {
          await auditor.close();
        }
      }),
    );

  return audit;
}
