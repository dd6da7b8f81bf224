import type { RecordedEvent } from '@alliance/event-sourcing';
import { IsNotEmpty, IsString } from 'class-validator';
import { BaseQuery } from '../../base.command';

export interface AuditTrailEntry {
  position: number;
  revision: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  actor: RecordedEvent['metadata']['actor'];
  correlationId: string;
  causationId?: string;
  previousHash: string | null;
  hash: string;
  /** The event data; a sealed identity is replaced by its opened fields (or the erased marker) and the sealed form is kept beside it. */
  data: Record<string, unknown>;
}

export interface LearnerAuditTrail {
  learnerId: string;
  streamId: string;
  erased: boolean;
  /** The stream's hash chain, recomputed from the stored events: erasure never breaks it. */
  chain: { verified: boolean; events: number; brokenAt?: unknown };
  events: AuditTrailEntry[];
}

/** The full history of one learner as stored, with the hash chain checked and personal fields opened or shown as erased. */
export class LearnerAuditTrailQuery extends BaseQuery<LearnerAuditTrail> {
  @IsString()
  @IsNotEmpty()
  learnerId!: string;
}
