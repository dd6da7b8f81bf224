import type { KeyObject } from 'node:crypto';
import { type EventStore, NO_STREAM, type RecordedEvent } from '@alliance/event-sourcing';
import { merkleRoot } from '../domain/merkle-tree';
import { checkpointDigest, type SignedCheckpoint, signCheckpoint } from '../domain/signed-checkpoint';
import type { AuditSource } from './audit-source';

export const CHECKPOINT_EVENT = 'audit.checkpoint.created';
export const checkpointStream = (store: string) => `audit.checkpoint-${store}`;

export interface AuditKey {
  privateKey: KeyObject;
  keyId: string;
}

/**
 * Seals what each audited store appended since its last checkpoint: a Merkle root over the new event hashes,
 * signed with the audit key and stored as an event of the audit's own store.
 */
export class Checkpointer {
  constructor(
    private readonly sources: AuditSource[],
    private readonly auditStore: EventStore,
    private readonly key: AuditKey,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Checkpoints every store that has new events; returns the checkpoints made. */
  async checkpointAll(): Promise<SignedCheckpoint[]> {
    const made: SignedCheckpoint[] = [];
    for (const source of this.sources) {
      const checkpoint = await this.checkpoint(source);
      if (checkpoint) made.push(checkpoint);
    }
    return made;
  }

  async checkpoint(source: AuditSource): Promise<SignedCheckpoint | undefined> {
    const previous = await lastCheckpoint(this.auditStore, source.name);
    const from = previous?.data.toPosition ?? 0;
    const hashes: string[] = [];
    let to = from;
    for await (const event of source.store.readAll({ fromPosition: from })) {
      hashes.push(event.hash);
      to = event.position;
    }
    if (hashes.length === 0) return undefined;
    const signed = signCheckpoint(
      {
        store: source.name,
        sequence: (previous?.data.sequence ?? 0) + 1,
        fromPosition: from,
        toPosition: to,
        treeSize: hashes.length,
        merkleRoot: merkleRoot(hashes),
        previousDigest: previous ? checkpointDigest(previous.data) : null,
        createdAt: this.now().toISOString(),
        keyId: this.key.keyId,
      },
      this.key.privateKey,
    );
    await this.auditStore.appendToStream(
      checkpointStream(source.name),
      [
        {
          type: CHECKPOINT_EVENT,
          data: signed,
          metadata: {
            occurredAt: signed.createdAt,
            actor: { subject: 'audit-checkpointer', role: 'system' },
            correlationId: `checkpoint-${source.name}-${signed.sequence}`,
          },
        },
      ],
      { expectedRevision: previous ? previous.revision : NO_STREAM },
    );
    return signed;
  }
}

export async function lastCheckpoint(auditStore: EventStore, store: string): Promise<RecordedEvent<SignedCheckpoint> | undefined> {
  const [last] = await auditStore.readStream(checkpointStream(store), { direction: 'backwards', maxCount: 1 });
  return last as RecordedEvent<SignedCheckpoint> | undefined;
}

export async function allCheckpoints(auditStore: EventStore, store: string): Promise<SignedCheckpoint[]> {
  return (await auditStore.readStream(checkpointStream(store))).map((e) => e.data as SignedCheckpoint);
}
