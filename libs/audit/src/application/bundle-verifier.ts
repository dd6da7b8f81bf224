import { createPublicKey, type KeyObject } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { computeEventHash, type RecordedEvent } from '@alliance/event-sourcing';
import { merkleRoot } from '../domain/merkle-tree';
import { checkpointDigest, type SignedCheckpoint, verifyCheckpointSignature } from '../domain/signed-checkpoint';
import { BUNDLE_MANIFEST, BUNDLE_PUBLIC_KEY, type BundleManifest, bundleCheckpointsFile, bundleEventsFile } from './bundle-format';
import type { Finding, StoreVerdict } from './log-verifier';

export interface BundleVerdict {
  ok: boolean;
  keyId: string;
  stores: StoreVerdict[];
}

/** Verifies an export bundle with nothing but its files (and optionally a public key obtained elsewhere). */
export async function verifyBundle(dir: string, options: { publicKey?: KeyObject; onProgress?: (p: { store: string; checked: number }) => void } = {}): Promise<BundleVerdict> {
  const manifest = JSON.parse(await readFile(join(dir, BUNDLE_MANIFEST), 'utf8')) as BundleManifest;
  const publicKey = options.publicKey ?? createPublicKey({ key: JSON.parse(await readFile(join(dir, BUNDLE_PUBLIC_KEY), 'utf8')), format: 'jwk' });
  const stores: StoreVerdict[] = [];
  for (const { name } of manifest.stores) {
    const lastHash = new Map<string, { revision: number; hash: string }>();
    const positions: number[] = [];
    const hashes: string[] = [];
    let finding: Finding | undefined;
    const lines = createInterface({ input: createReadStream(join(dir, bundleEventsFile(name))), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      const event = JSON.parse(line) as RecordedEvent;
      const previous = lastHash.get(event.streamId);
      const expectedPrevious = previous && previous.revision === event.revision - 1 ? previous.hash : null;
      const recomputed = computeEventHash({ ...event, previousHash: expectedPrevious });
      if (event.previousHash !== expectedPrevious || recomputed !== event.hash) {
        finding = { kind: 'broken-link', store: name, streamId: event.streamId, revision: event.revision, position: event.position, eventId: event.eventId, expectedHash: recomputed, foundHash: event.hash };
        lines.close();
        break;
      }
      lastHash.set(event.streamId, { revision: event.revision, hash: event.hash });
      positions.push(event.position);
      hashes.push(event.hash);
      if (hashes.length % 10_000 === 0) options.onProgress?.({ store: name, checked: hashes.length });
    }
    const checkpointText = await readFile(join(dir, bundleCheckpointsFile(name)), 'utf8');
    const checkpoints = checkpointText.split('\n').filter(Boolean).map((l) => JSON.parse(l) as SignedCheckpoint);
    let previousDigest: string | null = null;
    for (const cp of finding ? [] : checkpoints) {
      if (!verifyCheckpointSignature(cp, publicKey)) {
        finding = { kind: 'checkpoint-signature', store: name, sequence: cp.sequence };
        break;
      }
      if (cp.previousDigest !== previousDigest) {
        finding = { kind: 'checkpoint-chain', store: name, sequence: cp.sequence };
        break;
      }
      const leaves = hashes.slice(firstAbove(positions, cp.fromPosition), firstAbove(positions, cp.toPosition));
      const root = merkleRoot(leaves);
      if (root !== cp.merkleRoot || leaves.length !== cp.treeSize) {
        finding = { kind: 'checkpoint-root', store: name, sequence: cp.sequence, expectedRoot: cp.merkleRoot, foundRoot: root, fromPosition: cp.fromPosition, toPosition: cp.toPosition };
        break;
      }
      previousDigest = checkpointDigest(cp);
    }
    stores.push({ store: name, eventsChecked: hashes.length, checkpointsChecked: checkpoints.length, ok: !finding, ...(finding ? { finding } : {}) });
  }
  return { ok: stores.every((s) => s.ok), keyId: manifest.auditKeyId, stores };
}

/** Index of the first position greater than `bound` in an ascending list. */
function firstAbove(positions: number[], bound: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid]! <= bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
