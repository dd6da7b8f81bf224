import type { KeyObject } from 'node:crypto';
import { computeEventHash, type RecordedEvent } from '@alliance/event-sourcing';
import { merkleRoot } from '../domain/merkle-tree';
import type { SignedCheckpoint } from '../domain/signed-checkpoint';
import { checkpointSequenceProblem, type Finding } from './checkpoint-sequence';

export interface LogCheck {
  checked: number;
  finding?: Finding;
}

/**
 * One pass over a store's events in position order, online (from the store) or offline (from a bundle):
 * every link of every stream is recomputed, and each checkpoint's Merkle root is checked as its window
 * closes. Stops checking at the first problem; `onEvent` still sees every event (a bundle's file digest).
 */
export async function checkEventLog(
  store: string,
  events: AsyncIterable<RecordedEvent>,
  checkpoints: SignedCheckpoint[],
  publicKey: KeyObject,
  onProgress?: (checked: number) => void,
): Promise<LogCheck> {
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
      : {
          kind: 'checkpoint-root',
          store,
          sequence: cp.sequence,
          expectedRoot: cp.merkleRoot,
          foundRoot: root,
          fromPosition: cp.fromPosition,
          toPosition: cp.toPosition,
        };
  };
  for await (const event of events) {
    if (finding) return { checked, finding };
    finding = brokenLink(store, event, tips.get(event.streamId));
    while (!finding && window < checkpoints.length && event.position > checkpoints[window]!.toPosition) finding = closeWindow();
    if (finding) return { checked, finding };
    tips.set(event.streamId, { revision: event.revision, hash: event.hash });
    if (window < checkpoints.length && event.position > checkpoints[window]!.fromPosition) leaves.push(event.hash);
    checked++;
    if (checked % 10_000 === 0) onProgress?.(checked);
  }
  while (!finding && window < checkpoints.length) finding = closeWindow();
  onProgress?.(checked);
  return { checked, ...(finding ? { finding } : {}) };
}

/**
 * The link rule, as the README of a bundle spells it out: revisions of a stream follow each other from 0,
 * each names the hash of the one before, and each hash is recomputed from the content.
 */
export function brokenLink(store: string, event: RecordedEvent, tip: { revision: number; hash: string } | undefined): Finding | undefined {
  const at = {
    kind: 'broken-link' as const,
    store,
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    eventId: event.eventId,
  };
  const expectedPrevious = tip?.hash ?? null;
  if (event.revision !== (tip ? tip.revision + 1 : 0))
    return { ...at, expectedHash: expectedPrevious ?? '', foundHash: event.previousHash ?? '', reason: 'revision-gap' };
  if (event.previousHash !== expectedPrevious)
    return { ...at, expectedHash: expectedPrevious ?? '', foundHash: event.previousHash ?? '', reason: 'previous-hash-mismatch' };
  const recomputed = computeEventHash(event);
  if (recomputed !== event.hash) return { ...at, expectedHash: recomputed, foundHash: event.hash, reason: 'hash-mismatch' };
  return undefined;
}
