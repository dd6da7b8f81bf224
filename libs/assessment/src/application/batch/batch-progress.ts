import { Injectable } from '@nestjs/common';
import type { BatchReport, RowOutcome } from '../commands/publish-result-batch/batch-report';

/**
 * Where an upload stands: `processing` while its rows are checked and recorded, `catching-up` once every row is
 * durable but the results read model has not shown them all yet, then `complete`; `failed` if it broke off in this
 * process, `interrupted` if it was claimed but never completed (the process stopped): sending the same file completes it.
 */
export type BatchPhase = 'processing' | 'catching-up' | 'complete' | 'failed' | 'interrupted';

export interface BatchStatusView extends Omit<BatchReport, 'outcomes' | 'rejections'> {
  phase: BatchPhase;
  /** Rows with a final outcome so far. */
  processed: number;
  /** Every row's outcome so far; absent when the batch was processed before this process started. */
  outcomes?: RowOutcome[];
  rejections?: RowOutcome[];
  startedAt?: string;
  finishedAt?: string;
}

interface Tracked {
  report: Pick<BatchReport, 'batchId' | 'format' | 'digest'>;
  outcomes: RowOutcome[];
  phase: BatchPhase;
  startedAt: string;
  finishedAt?: string;
}

/** How many recent uploads this process keeps the row outcomes of (the oldest is forgotten first). */
const KEPT = 32;

/** The uploads this process handled recently, by batch key, for `GET /assessment-results/batches/{batchId}`. */
@Injectable()
export class BatchProgress {
  private readonly batches = new Map<string, Tracked>();

  start(batchKey: string, report: Tracked['report'], outcomes: RowOutcome[]): void {
    this.batches.delete(batchKey);
    this.batches.set(batchKey, { report, outcomes, phase: 'processing', startedAt: new Date().toISOString() });
    while (this.batches.size > KEPT) this.batches.delete(this.batches.keys().next().value!);
  }

  phase(batchKey: string, phase: BatchPhase): void {
    const tracked = this.batches.get(batchKey);
    if (!tracked) return;
    tracked.phase = phase;
    if (phase === 'complete' || phase === 'failed') tracked.finishedAt = new Date().toISOString();
  }

  view(batchKey: string): BatchStatusView | undefined {
    const t = this.batches.get(batchKey);
    if (!t) return undefined;
    const count = (status: RowOutcome['status']) => t.outcomes.filter((o) => o.status === status).length;
    const rejections = t.outcomes.filter((o) => o.status === 'rejected');
    return {
      ...t.report,
      phase: t.phase,
      rows: t.outcomes.length,
      processed: t.outcomes.length - count('pending'),
      recorded: count('recorded'),
      alreadyRecorded: count('already-recorded'),
      rejected: rejections.length,
      retryable: rejections.filter((o) => o.problem?.retryable).length,
      outcomes: t.outcomes,
      rejections,
      startedAt: t.startedAt,
      ...(t.finishedAt ? { finishedAt: t.finishedAt } : {}),
    };
  }
}
