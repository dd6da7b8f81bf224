import { createHash, type KeyObject } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import type { EventStore } from '@alliance/event-sourcing';
import { publicKeyId } from '../domain/signed-checkpoint';
import type { AuditSource } from './audit-source';
import {
  BUNDLE_MANIFEST,
  BUNDLE_PUBLIC_KEY,
  BUNDLE_README,
  BUNDLE_README_TEXT,
  type BundleManifest,
  bundleCheckpointsFile,
  bundleEventsFile,
  signManifest,
} from './bundle-format';
import { allCheckpoints } from './checkpointer';

export interface ExportKey {
  publicKey: KeyObject;
  /** When given, the manifest (and with it every file's digest) is signed. */
  privateKey?: KeyObject;
}

/** Writes every audited store, its checkpoints and the audit public key into a folder. */
export async function exportBundle(
  sources: AuditSource[],
  auditStore: EventStore,
  key: ExportKey,
  dir: string,
  onProgress?: (p: { store: string; events: number }) => void,
): Promise<BundleManifest> {
  await mkdir(join(dir, 'events'), { recursive: true });
  await mkdir(join(dir, 'checkpoints'), { recursive: true });
  const manifest: BundleManifest = {
    format: 'alliance-audit-bundle/1',
    createdAt: new Date().toISOString(),
    auditKeyId: publicKeyId(key.publicKey),
    stores: [],
  };
  for (const source of sources) {
    // Checkpoints first: every one of them then covers only events that are in the file.
    const checkpoints = await allCheckpoints(auditStore, source.name);
    const checkpointText = checkpoints.map((c) => JSON.stringify(c) + '\n').join('');
    await writeFile(join(dir, bundleCheckpointsFile(source.name)), checkpointText);
    const out = createWriteStream(join(dir, bundleEventsFile(source.name)));
    const digest = createHash('sha256');
    let events = 0;
    let headPosition = 0;
    for await (const event of source.store.readAll({ batchSize: 2000 })) {
      const line = JSON.stringify(event) + '\n';
      digest.update(line);
      if (!out.write(line)) await once(out, 'drain');
      events++;
      headPosition = event.position;
      if (events % 10_000 === 0) onProgress?.({ store: source.name, events });
    }
    out.end();
    await once(out, 'finish');
    manifest.stores.push({
      name: source.name,
      events,
      checkpoints: checkpoints.length,
      headPosition,
      eventsSha256: digest.digest('hex'),
      checkpointsSha256: createHash('sha256').update(checkpointText).digest('hex'),
    });
    onProgress?.({ store: source.name, events });
  }
  await writeFile(
    join(dir, BUNDLE_PUBLIC_KEY),
    JSON.stringify({ ...key.publicKey.export({ format: 'jwk' }), kid: manifest.auditKeyId }, null, 2),
  );
  const sealed = key.privateKey ? signManifest(manifest, key.privateKey) : manifest;
  await writeFile(join(dir, BUNDLE_MANIFEST), JSON.stringify(sealed, null, 2));
  await writeFile(join(dir, BUNDLE_README), BUNDLE_README_TEXT);
  return sealed;
}
