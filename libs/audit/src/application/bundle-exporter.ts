import type { KeyObject } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import type { EventStore } from '@alliance/event-sourcing';
import { publicKeyId } from '../domain/signed-checkpoint';
import type { AuditSource } from './audit-source';
import { BUNDLE_MANIFEST, BUNDLE_PUBLIC_KEY, BUNDLE_README, type BundleManifest, bundleCheckpointsFile, bundleEventsFile } from './bundle-format';
import { allCheckpoints } from './checkpointer';

/** Writes every audited store, its checkpoints and the audit public key into a folder. */
export async function exportBundle(
  sources: AuditSource[],
  auditStore: EventStore,
  auditPublicKey: KeyObject,
  dir: string,
  onProgress?: (p: { store: string; events: number }) => void,
): Promise<BundleManifest> {
  await mkdir(join(dir, 'events'), { recursive: true });
  await mkdir(join(dir, 'checkpoints'), { recursive: true });
  const manifest: BundleManifest = { format: 'alliance-audit-bundle/1', createdAt: new Date().toISOString(), auditKeyId: publicKeyId(auditPublicKey), stores: [] };
  for (const source of sources) {
    const out = createWriteStream(join(dir, bundleEventsFile(source.name)));
    let events = 0;
    let headPosition = 0;
    for await (const event of source.store.readAll()) {
      if (!out.write(JSON.stringify(event) + '\n')) await once(out, 'drain');
      events++;
      headPosition = event.position;
      if (events % 10_000 === 0) onProgress?.({ store: source.name, events });
    }
    out.end();
    await once(out, 'finish');
    const checkpoints = await allCheckpoints(auditStore, source.name);
    await writeFile(join(dir, bundleCheckpointsFile(source.name)), checkpoints.map((c) => JSON.stringify(c) + '\n').join(''));
    manifest.stores.push({ name: source.name, events, checkpoints: checkpoints.length, headPosition });
    onProgress?.({ store: source.name, events });
  }
  await writeFile(join(dir, BUNDLE_PUBLIC_KEY), JSON.stringify({ ...auditPublicKey.export({ format: 'jwk' }), kid: manifest.auditKeyId }, null, 2));
  await writeFile(join(dir, BUNDLE_MANIFEST), JSON.stringify(manifest, null, 2));
  await writeFile(join(dir, 'README.md'), BUNDLE_README);
  return manifest;
}
