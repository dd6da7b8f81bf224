import type { EventStore, RecordedEvent } from '@alliance/event-sourcing';
import { inclusionProof } from '../domain/merkle-tree';
import type { SignedCheckpoint } from '../domain/signed-checkpoint';
import type { AuditSource } from './audit-source';
import { allCheckpoints } from './checkpointer';

export interface EventInclusionProof {
  event: RecordedEvent;
  /** Index of the event among the checkpoint's leaves. */
  leafIndex: number;
  proof: string[];
  checkpoint: SignedCheckpoint;
}

/** Everything a third party needs, with the audit public key, to check that one event is in a signed checkpoint. */
export async function inclusionProofFor(
  source: AuditSource,
  auditStore: EventStore,
  position: number,
): Promise<EventInclusionProof | undefined> {
  const checkpoint = (await allCheckpoints(auditStore, source.name)).find((c) => c.fromPosition < position && position <= c.toPosition);
  if (!checkpoint) return undefined;
  const events: RecordedEvent[] = [];
  for await (const e of source.store.readAll({ fromPosition: checkpoint.fromPosition })) {
    if (e.position > checkpoint.toPosition) break;
    events.push(e);
  }
  const leafIndex = events.findIndex((e) => e.position === position);
  if (leafIndex < 0) return undefined;
  return {
    event: events[leafIndex]!,
    leafIndex,
    proof: inclusionProof(
      events.map((e) => e.hash),
      leafIndex,
    ),
    checkpoint,
  };
}
