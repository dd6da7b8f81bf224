import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { RecordedEvent } from '@alliance/event-sourcing';
import { publicKeyId, type SignedCheckpoint } from '../domain/signed-checkpoint';
import {
  BUNDLE_MANIFEST,
  BUNDLE_PUBLIC_KEY,
  type BundleManifest,
  bundleCheckpointsFile,
  bundleEventsFile,
  verifyManifestSignature,
} from './bundle-format';
import type { Finding } from './checkpoint-sequence';
import { checkEventLog } from './event-log-check';
import type { StoreVerdict } from './log-verifier';

export interface BundleVerdict {
  ok: boolean;
  keyId: string;
  /** Whether the key used came with the bundle (trust it only after comparing it with the published one). */
  keySource: 'bundle' | 'given';
  manifest: { signed: boolean; ok: boolean; problem?: string };
  stores: StoreVerdict[];
}

export interface VerifyBundleOptions {
  /** The audit public key obtained from the alliance; without it the bundled copy is used. */
  publicKey?: KeyObject;
  onProgress?: (p: { store: string; checked: number }) => void;
}

/** Verifies an export bundle with nothing but its files (and a public key obtained elsewhere). */
export async function verifyBundle(dir: string, options: VerifyBundleOptions = {}): Promise<BundleVerdict> {
  const manifest = JSON.parse(await readFile(join(dir, BUNDLE_MANIFEST), 'utf8')) as BundleManifest;
  const publicKey =
    options.publicKey ?? createPublicKey({ key: JSON.parse(await readFile(join(dir, BUNDLE_PUBLIC_KEY), 'utf8')), format: 'jwk' });
  const manifestCheck = checkManifest(manifest, publicKey);
  const stores: StoreVerdict[] = [];
  for (const entry of manifest.stores) {
    const checkpointText = await readFile(join(dir, bundleCheckpointsFile(entry.name)), 'utf8');
    const checkpoints = checkpointText
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as SignedCheckpoint);
    const result = await verifyStoreFile(join(dir, bundleEventsFile(entry.name)), entry.name, checkpoints, publicKey, options.onProgress);
    const digestProblem =
      result.sha256 !== entry.eventsSha256 || result.lines !== entry.events
        ? `events file differs from the manifest (${result.lines} events read, ${entry.events} listed)`
        : sha256(checkpointText) !== entry.checkpointsSha256
          ? 'checkpoints file differs from the manifest'
          : undefined;
    if (digestProblem && manifestCheck.ok) Object.assign(manifestCheck, { ok: false, problem: `${entry.name}: ${digestProblem}` });
    const covered = checkpoints.reduce((n, c) => n + c.treeSize, 0);
    stores.push({
      store: entry.name,
      eventsChecked: result.checked,
      checkpointsChecked: checkpoints.length,
      ok: !result.finding,
      uncheckpointedEvents: Math.max(0, result.checked - covered),
      ...(result.finding ? { finding: result.finding } : {}),
    });
  }
  return {
    ok: manifestCheck.ok && stores.every((s) => s.ok),
    keyId: publicKeyId(publicKey),
    keySource: options.publicKey ? 'given' : 'bundle',
    manifest: manifestCheck,
    stores,
  };
}

function checkManifest(manifest: BundleManifest, publicKey: KeyObject): BundleVerdict['manifest'] {
  if (manifest.format !== 'alliance-audit-bundle/1')
    return { signed: Boolean(manifest.signature), ok: false, problem: `unknown format ${manifest.format}` };
  if (!manifest.signature)
    return { signed: false, ok: false, problem: 'the manifest is not signed: events after the last checkpoint are not sealed' };
  if (!verifyManifestSignature(manifest, publicKey))
    return { signed: true, ok: false, problem: 'the manifest signature does not verify with this key' };
  return { signed: true, ok: true };
}

/** Reads an events file once: events for the check, every line for the file's digest (even past a finding). */
async function verifyStoreFile(
  file: string,
  store: string,
  checkpoints: SignedCheckpoint[],
  publicKey: KeyObject,
  onProgress?: (p: { store: string; checked: number }) => void,
): Promise<{ checked: number; sha256: string; lines: number; finding?: Finding }> {
  const digest = createHash('sha256');
  let lines = 0;
  const reader = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  const iterator = reader[Symbol.asyncIterator]();
  const events = (async function* () {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      if (!next.value) continue;
      digest.update(next.value + '\n');
      lines++;
      yield JSON.parse(next.value) as RecordedEvent;
    }
  })();
  const result = await checkEventLog(store, events, checkpoints, publicKey, (checked) => onProgress?.({ store, checked }));
  for (;;) {
    const rest = await iterator.next();
    if (rest.done) break;
    if (rest.value) {
      digest.update(rest.value + '\n');
      lines++;
    }
  }
  return { ...result, sha256: digest.digest('hex'), lines };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
