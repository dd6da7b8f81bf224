import type { KeyObject } from 'node:crypto';
import { type EventStore, verifyChain } from '@alliance/event-sourcing';
import { merkleRoot } from '../domain/merkle-tree';
import { checkpointDigest, verifyCheckpointSignature } from '../domain/signed-checkpoint';
import type { AuditSource } from './audit-source';
import { allCheckpoints } from './checkpointer';

export type Finding =
  | { kind: 'broken-link'; store: string; streamId: string; revision: number; position: number; eventId: string; expectedHash: string; foundHash: string }
  | { kind: 'checkpoint-signature'; store: string; sequence: number }
  | { kind: 'checkpoint-root'; store: string; sequence: number; expectedRoot: string; foundRoot: string; fromPosition: number; toPosition: number }
  | { kind: 'checkpoint-chain'; store: string; sequence: number };

export interface StoreVerdict {
  store: string;
  eventsChecked: number;
  checkpointsChecked: number;
  ok: boolean;
  /** The first broken link or checkpoint of this store, if any. */
  finding?: Finding;
}

export interface VerifyProgress {
  store: string;
  checked: number;
}

/**
 * Recomputes every hash of every audited store from the raw events, then every checkpoint's Merkle root,
 * signature and chain; reports the first problem of each store.
 */
export async function verifyLog(
  sources: AuditSource[],
  auditStore: EventStore,
  auditPublicKey: KeyObject,
  onProgress?: (p: VerifyProgress) => void,
): Promise<StoreVerdict[]> {
  const verdicts: StoreVerdict[] = [];
  for (const source of sources) {
    const chain = await verifyChain(source.store, { onProgress: (checked: number) => onProgress?.({ store: source.name, checked }) });
    if (!chain.ok) {
      verdicts.push({ store: source.name, eventsChecked: chain.checked, checkpointsChecked: 0, ok: false, finding: { kind: 'broken-link', store: source.name, ...chain.brokenAt } });
      continue;
    }
    const checkpoints = await allCheckpoints(auditStore, source.name);
    let finding: Finding | undefined;
    let previousDigest: string | null = null;
    for (const cp of checkpoints) {
      if (!verifyCheckpointSignature(cp, auditPublicKey)) {
        finding = { kind: 'checkpoint-signature', store: source.name, sequence: cp.sequence };
        break;
      }
      if (cp.previousDigest !== previousDigest) {
        finding = { kind: 'checkpoint-chain', store: source.name, sequence: cp.sequence };
        break;
      }
      const hashes: string[] = [];
      for await (const e of source.store.readAll({ fromPosition: cp.fromPosition })) {
        if (e.position > cp.toPosition) break;
        hashes.push(e.hash);
      }
      const root = merkleRoot(hashes);
      if (root !== cp.merkleRoot || hashes.length !== cp.treeSize) {
        finding = { kind: 'checkpoint-root', store: source.name, sequence: cp.sequence, expectedRoot: cp.merkleRoot, foundRoot: root, fromPosition: cp.fromPosition, toPosition: cp.toPosition };
        break;
      }
      previousDigest = checkpointDigest(cp);
    }
    verdicts.push({ store: source.name, eventsChecked: chain.checked, checkpointsChecked: checkpoints.length, ok: !finding, ...(finding ? { finding } : {}) });
  }
  return verdicts;
}
