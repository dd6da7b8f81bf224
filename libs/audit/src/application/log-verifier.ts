import type { KeyObject } from 'node:crypto';
import { type ChainBreakReason, type EventStore, verifyChain } from '@alliance/event-sourcing';
import { merkleRoot } from '../domain/merkle-tree';
import { checkpointDigest, type SignedCheckpoint, verifyCheckpointSignature } from '../domain/signed-checkpoint';
import type { AuditSource } from './audit-source';
import { allCheckpoints } from './checkpointer';

export type Finding =
  | {
      kind: 'broken-link';
      store: string;
      streamId: string;
      revision: number;
      position: number;
      eventId: string;
      expectedHash: string;
      foundHash: string;
      reason: ChainBreakReason;
    }
  | { kind: 'checkpoint-signature'; store: string; sequence: number }
  | { kind: 'checkpoint-root'; store: string; sequence: number; expectedRoot: string; foundRoot: string; fromPosition: number; toPosition: number }
  | { kind: 'checkpoint-chain'; store: string; sequence: number; detail: string };

export interface StoreVerdict {
  store: string;
  eventsChecked: number;
  checkpointsChecked: number;
  ok: boolean;
  /** Events after the last checkpoint: chained, but not yet under a signed root. */
  uncheckpointedEvents?: number;
  /** The first broken link or checkpoint of this store, if any. */
  finding?: Finding;
}

export interface VerifyProgress {
  store: string;
  checked: number;
}

/** The label of the audit's own store (holding the checkpoints) in a verification report. */
export const AUDIT_STORE_LABEL = 'audit';

/**
 * Recomputes every hash of every audited store from the raw events, then every checkpoint's signature,
 * chain and Merkle root; reports the first problem of each store. The audit's own store (the checkpoints)
 * is chain-checked last.
 */
export async function verifyLog(
  sources: AuditSource[],
  auditStore: EventStore,
  auditPublicKey: KeyObject,
  onProgress?: (p: VerifyProgress) => void,
): Promise<StoreVerdict[]> {
  const verdicts: StoreVerdict[] = [];
  for (const source of sources) verdicts.push(await verifyStore(source, auditStore, auditPublicKey, onProgress));
  const own = await verifyChain(auditStore, { onProgress: (checked) => onProgress?.({ store: AUDIT_STORE_LABEL, checked }) });
  verdicts.push({
    store: AUDIT_STORE_LABEL,
    eventsChecked: own.checked,
    checkpointsChecked: 0,
    ok: own.ok,
    ...(own.ok ? {} : { finding: { kind: 'broken-link' as const, store: AUDIT_STORE_LABEL, ...own.brokenAt } }),
  });
  return verdicts;
}

async function verifyStore(source: AuditSource, auditStore: EventStore, publicKey: KeyObject, onProgress?: (p: VerifyProgress) => void): Promise<StoreVerdict> {
  const chain = await verifyChain(source.store, { onProgress: (checked) => onProgress?.({ store: source.name, checked }) });
  if (!chain.ok) {
    return { store: source.name, eventsChecked: chain.checked, checkpointsChecked: 0, ok: false, finding: { kind: 'broken-link', store: source.name, ...chain.brokenAt } };
  }
  const checkpoints = await allCheckpoints(auditStore, source.name);
  const finding = await checkCheckpoints(source, checkpoints, publicKey);
  const covered = checkpoints.reduce((n, c) => n + c.treeSize, 0);
  return {
    store: source.name,
    eventsChecked: chain.checked,
    checkpointsChecked: checkpoints.length,
    ok: !finding,
    uncheckpointedEvents: Math.max(0, chain.checked - covered),
    ...(finding ? { finding } : {}),
  };
}

/** Signature, chain and contiguity of each checkpoint, then its root against the store's events. */
async function checkCheckpoints(source: AuditSource, checkpoints: SignedCheckpoint[], publicKey: KeyObject): Promise<Finding | undefined> {
  const problem = checkpointSequenceProblem(source.name, checkpoints, publicKey);
  if (problem) return problem;
  if (checkpoints.length === 0) return undefined;
  // One pass over the covered range: each checkpoint's leaves are the events of its (from, to] window.
  let index = 0;
  let hashes: string[] = [];
  const close = (cp: SignedCheckpoint): Finding | undefined => {
    const root = merkleRoot(hashes);
    hashes = [];
    if (root === cp.merkleRoot) return undefined;
    return { kind: 'checkpoint-root', store: source.name, sequence: cp.sequence, expectedRoot: cp.merkleRoot, foundRoot: root, fromPosition: cp.fromPosition, toPosition: cp.toPosition };
  };
  for await (const e of source.store.readAll({ fromPosition: checkpoints[0]!.fromPosition })) {
    while (index < checkpoints.length && e.position > checkpoints[index]!.toPosition) {
      const broken = close(checkpoints[index++]!);
      if (broken) return broken;
    }
    if (index >= checkpoints.length) break;
    hashes.push(e.hash);
  }
  while (index < checkpoints.length) {
    const broken = close(checkpoints[index++]!);
    if (broken) return broken;
  }
  return undefined;
}

/** Checks what needs no event: signatures, digests naming the predecessor, windows that follow each other. */
export function checkpointSequenceProblem(store: string, checkpoints: SignedCheckpoint[], publicKey: KeyObject): Finding | undefined {
  let previous: SignedCheckpoint | undefined;
  for (const cp of checkpoints) {
    if (!verifyCheckpointSignature(cp, publicKey)) return { kind: 'checkpoint-signature', store, sequence: cp.sequence };
    const detail =
      cp.store !== store
        ? `checkpoint names store ${cp.store}`
        : cp.sequence !== (previous?.sequence ?? 0) + 1
          ? `sequence ${cp.sequence} follows ${previous?.sequence ?? 0}`
          : cp.previousDigest !== (previous ? checkpointDigest(previous) : null)
            ? 'previous digest does not name the previous checkpoint'
            : cp.fromPosition !== (previous?.toPosition ?? 0)
              ? `window starts after ${cp.fromPosition}, the previous one ended at ${previous?.toPosition ?? 0}`
              : undefined;
    if (detail) return { kind: 'checkpoint-chain', store, sequence: cp.sequence, detail };
    previous = cp;
  }
  return undefined;
}
