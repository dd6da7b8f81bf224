import { Command } from 'commander';
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import { createEventStore } from '@alliance/event-sourcing';
import { AuditConfig, type AuditSource, exportBundle, loadAuditKey, openAuditSources, queryEvents, StateReplayer, verifyBundle, verifyLog } from '@alliance/audit';
import { eventStoreSettings, loadConfig } from '@alliance/nest-kit';
import { AUDIT_STREAM_FOLDERS } from '../stream-folders';

/** Opens the audited stores and the audit's own store from the same environment the audit service uses. */
async function openAudit() {
  const config = loadConfig('audit', AuditConfig);
  const sources = await openAuditSources(config);
  const auditStore = await createEventStore(eventStoreSettings('audit', config));
  const close = async () => {
    await Promise.all([...sources.map((s) => s.store.close()), auditStore.close()]);
  };
  return { config, sources, auditStore, close };
}

function progressBar(label: string): SingleBar {
  return new SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} events | {store}`, hideCursor: true, stream: process.stderr });
}

async function headTotal(sources: AuditSource[]): Promise<number> {
  return (await Promise.all(sources.map((s) => s.store.headPosition()))).reduce((a, b) => a + b, 0);
}

/** `audit ...`: the auditor's commands, run against the raw stores. */
export function auditCommand(): Command {
  const audit = new Command('audit').description('read, replay, verify and export the history (uses the audit service configuration from the environment)');

  audit
    .command('events')
    .description('print matching events as NDJSON')
    .option('--store <names>', 'comma-separated stores')
    .option('--stream <id>', 'exact stream id')
    .option('--type <types>', 'comma-separated event types')
    .option('--from <iso>', 'occurred at or after')
    .option('--to <iso>', 'occurred at or before')
    .option('--correlation <id>', 'correlation id')
    .option('--actor <subject>', 'actor subject')
    .option('--institution <id>', 'institution id')
    .action(async (o: Record<string, string | undefined>) => {
      const { sources, close } = await openAudit();
      try {
        const filter = {
          ...(o['store'] ? { stores: o['store'].split(',') } : {}),
          ...(o['stream'] ? { streamId: o['stream'] } : {}),
          ...(o['type'] ? { eventTypes: o['type'].split(',') } : {}),
          ...(o['from'] ? { from: o['from'] } : {}),
          ...(o['to'] ? { to: o['to'] } : {}),
          ...(o['correlation'] ? { correlationId: o['correlation'] } : {}),
          ...(o['actor'] ? { actor: o['actor'] } : {}),
          ...(o['institution'] ? { institution: o['institution'] } : {}),
        };
        for await (const item of queryEvents(sources, filter)) process.stdout.write(JSON.stringify(item) + '\n');
      } finally {
        await close();
      }
    });

  audit
    .command('state <stream>')
    .description('state of an aggregate as of an instant')
    .requiredOption('--at <iso>', 'the instant')
    .action(async (stream: string, o: { at: string }) => {
      const at = new Date(o.at);
      if (Number.isNaN(at.getTime())) throw new Error(`--at must be an ISO 8601 instant, got ${o.at}`);
      const { sources, close } = await openAudit();
      try {
        const state = await new StateReplayer(sources, AUDIT_STREAM_FOLDERS).stateAt(stream, at.toISOString());
        process.stdout.write(JSON.stringify(state, null, 2) + '\n');
      } finally {
        await close();
      }
    });

  audit
    .command('verify')
    .description('recompute every hash and checkpoint from the raw stores; exit 1 at the first broken link')
    .action(async () => {
      const { config, sources, auditStore, close } = await openAudit();
      try {
        const bar = progressBar('verify');
        bar.start(await headTotal(sources), 0, { store: '' });
        const done = new Map<string, number>();
        const verdicts = await verifyLog(sources, auditStore, loadAuditKey(config).publicKey, (p) => {
          done.set(p.store, p.checked);
          bar.update([...done.values()].reduce((a, b) => a + b, 0), { store: p.store });
        });
        bar.stop();
        process.stdout.write(JSON.stringify({ ok: verdicts.every((v) => v.ok), stores: verdicts }, null, 2) + '\n');
        if (!verdicts.every((v) => v.ok)) process.exitCode = 1;
      } finally {
        await close();
      }
    });

  audit
    .command('export <dir>')
    .description('write a self-contained bundle (events, checkpoints, public key, README) for an external QA agency')
    .action(async (dir: string) => {
      const { config, sources, auditStore, close } = await openAudit();
      try {
        const bar = progressBar('export');
        bar.start(await headTotal(sources), 0, { store: '' });
        const done = new Map<string, number>();
        const manifest = await exportBundle(sources, auditStore, loadAuditKey(config), dir, (p) => {
          done.set(p.store, p.events);
          bar.update([...done.values()].reduce((a, b) => a + b, 0), { store: p.store });
        });
        bar.stop();
        process.stdout.write(JSON.stringify({ dir, ...manifest }, null, 2) + '\n');
      } finally {
        await close();
      }
    });

  audit
    .command('verify-bundle <dir>')
    .description('verify an exported bundle offline')
    .option('--public-key <file>', 'the audit public key (JWK) obtained from the alliance, instead of the bundled copy')
    .action(async (dir: string, o: { publicKey?: string }) => {
      const publicKey = o.publicKey ? createPublicKey({ key: JSON.parse(readFileSync(o.publicKey, 'utf8')), format: 'jwk' }) : undefined;
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { stores: { events: number }[] };
      const bar = progressBar('verify-bundle');
      bar.start(manifest.stores.reduce((a, s) => a + s.events, 0), 0, { store: '' });
      const done = new Map<string, number>();
      const verdict = await verifyBundle(dir, {
        ...(publicKey ? { publicKey } : {}),
        onProgress: (p) => {
          done.set(p.store, p.checked);
          bar.update([...done.values()].reduce((a, b) => a + b, 0), { store: p.store });
        },
      });
      bar.stop();
      process.stdout.write(JSON.stringify(verdict, null, 2) + '\n');
      if (!verdict.ok) process.exitCode = 1;
    });

  return audit;
}
