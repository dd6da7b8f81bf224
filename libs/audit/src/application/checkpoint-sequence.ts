import type { KeyObject } from 'node:crypto';
import type { ChainBreak } from '@alliance/event-sourcing';
import { checkpointDigest, type SignedCheckpoint, verifyCheckpointSignature } from '../domain/signed-checkpoint';

/** The first thing wrong with a store's history or its checkpoints. */
export type Finding =
  | ({ kind: 'broken-link'; store: string } & ChainBreak)
  | { kind: 'checkpoint-signature'; store: string; sequence: number }
  | {
      kind: 'checkpoint-root';
      store: string;
      sequence: number;
      expectedRoot: string;
      foundRoot: string;
      fromPosition: number;
      toPosition: number;
    }
  | { kind: 'checkpoint-chain'; store: string; sequence: number; detail: string };

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
