import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { computeEventHash, type RecordedEvent } from '@alliance/event-sourcing';
import { merkleRoot } from '../domain/merkle-tree';
import { publicKeyId, type SignedCheckpoint } from '../domain/signed-checkpoint';
import { BUNDLE_MANIFEST, BUNDLE_PUBLIC_KEY, type BundleManifest, bundleCheckpointsFile, bundleEventsFile, verifyManifestSignature } from './bundle-format';
import { checkpointSequenceProblem, type Finding, type StoreVerdict } from './log-verifier';

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
  const publicKey = options.publicKey ?? createPublicKey({ key: JSON.parse(await readFile(join(dir, BUNDLE_PUBLIC_KEY), 'utf8')), format: 'jwk' });
  const manifestCheck = checkManifest(manifest, publicKey);
  const stores: StoreVerdict[] = [];
  for (const entry of manifest.stores) {
    const checkpointText = await readFile(join(dir, bundleCheckpointsFile(entry.name)), 'utf8');
    const checkpoints = checkpointText.split('\n').filter(Boolean).map((l) => JSON.parse(l) as SignedCheckpoint);
    const result = await verifyStoreFile(join(dir, bundleEventsFile(entry.name)), entry.name, checkpoints, publicKey, options.onProgress);
    const digestProblem =
      result.sha256 !== entry.eventsSha256 || result.checked !== entry.events
        ? `events file differs from the manifest (${result.checked} events read, ${entry.events} listed)`
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
  if (manifest.format !== 'alliance-audit-bundle/1') return { signed: Boolean(manifest.signature), ok: false, problem: `unknown format ${manifest.format}` };
  if (!manifest.signature) return { signed: false, ok: false, problem: 'the manifest is not signed: events after the last checkpoint are not sealed' };
  if (!verifyManifestSignature(manifest, publicKey)) return { signed: true, ok: false, problem: 'the manifest signature does not verify with this key' };
  return { signed: true, ok: true };
}

/** One pass over an events file: every link of every stream, and each checkpoint's window as it closes. */
async function verifyStoreFile(
  file: string,
  store: string,
  checkpoints: SignedCheckpoint[],
  publicKey: KeyObject,
  onProgress?: (p: { store: string; checked: number }) => void,
): Promise<{ checked: number; sha256: string; finding?: Finding }> {
  const digest = createHash('sha256');
  const tips = new Map<string, { revision: number; hash: string }>();
  let finding: Finding | undefined = checkpointSequenceProblem(store, checkpoints, publicKey);
  let checked = 0;
  let window = 0;
  let leaves: string[] = [];
  const closeWindow = (): Finding | undefined => {
    const cp = checkpoints[window++]!;
    const root = merkleRoot(leaves);
    leaves = [];
    return root === cp.merkleRoot
      ? undefined
      : { kind: 'checkpoint-root', store, sequence: cp.sequence, expectedRoot: cp.merkleRoot, foundRoot: root, fromPosition: cp.fromPosition, toPosition: cp.toPosition };
  };
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    digest.update(line + '\n');
    if (finding) continue; // keep hashing the file for the manifest check
    const event = JSON.parse(line) as RecordedEvent;
    finding = brokenLink(store, event, tips.get(event.streamId));
    while (!finding && window < checkpoints.length && event.position > checkpoints[window]!.toPosition) finding = closeWindow();
    if (finding) continue;
    tips.set(event.streamId, { revision: event.revision, hash: event.hash });
    if (window < checkpoints.length && event.position > checkpoints[window]!.fromPosition) leaves.push(event.hash);
    checked++;
    if (checked % 10_000 === 0) onProgress?.({ store, checked });
  }
  while (!finding && window < checkpoints.length) finding = closeWindow();
  onProgress?.({ store, checked });
  return { checked, sha256: digest.digest('hex'), ...(finding ? { finding } : {}) };
}

/** The same link rule the platform's verifier applies, spelled out for offline use. */
function brokenLink(store: string, event: RecordedEvent, tip: { revision: number; hash: string } | undefined): Finding | undefined {
  const at = { kind: 'broken-link' as const, store, streamId: event.streamId, revision: event.revision, position: event.position, eventId: event.eventId };
  const expectedPrevious = tip?.hash ?? null;
  if (event.revision !== (tip ? tip.revision + 1 : 0)) return { ...at, expectedHash: expectedPrevious ?? '', foundHash: event.previousHash ?? '', reason: 'revision-gap' };
  if (event.previousHash !== expectedPrevious) return { ...at, expectedHash: expectedPrevious ?? '', foundHash: event.previousHash ?? '', reason: 'previous-hash-mismatch' };
  const recomputed = computeEventHash(event);
  if (recomputed !== event.hash) return { ...at, expectedHash: recomputed, foundHash: event.hash, reason: 'hash-mismatch' };
  return undefined;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
