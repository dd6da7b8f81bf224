import { type DecisionContext, defineDecider } from '@alliance/event-sourcing';
import { AssessmentException } from '../assessment.exception';
import { type MemberStanding, requireMemberMayAct } from '../member-standing';
import type { BatchFile, BatchTally, ResultBatchEvent } from './result-batch.events';

export interface ResultBatchState {
  digest?: string;
  submissions: number;
}

/**
 * Checked before any row is read (the uploading institution's standing, and that the batch id names this file), and
 * handled just before the first result is written: the first time, it claims the id for the file
 * (`ResultBatchOpened`), so an interrupted upload keeps its identity.
 */
export type CheckBatchFile = { type: 'CheckBatchFile'; uploader: MemberStanding } & BatchFile;
export type RecordBatch = { type: 'RecordBatch' } & BatchFile & BatchTally;
export type ResultBatchCommand = CheckBatchFile | RecordBatch;

/** A batch id names one file: re-sending it is safe, sending another file under it is a mistake. */
function requireSameFile(state: ResultBatchState, batchId: string, digest: string): void {
  if (state.digest && state.digest !== digest) {
    throw new AssessmentException(
      'assessment.batch-id-reused',
      `batch ${batchId} was already used for a different file; choose a new batch id`,
      'batchId',
    );
  }
}

export function decideResultBatch(command: ResultBatchCommand, state: ResultBatchState, context: DecisionContext): ResultBatchEvent[] {
  if (command.type === 'CheckBatchFile') requireMemberMayAct(command.uploader);
  requireSameFile(state, command.batchId, command.digest);
  if (command.type === 'CheckBatchFile') {
    if (state.digest) return [];
    const { batchId, institutionId, digest, format, rows } = command;
    return [{ type: 'ResultBatchOpened', data: { batchId, institutionId, digest, format, rows, openedAt: context.now.toISOString() } }];
  }
  if (command.recorded === 0) {
    // A replay of a completed file, or a file never claimed: nothing new to write.
    if (state.submissions > 0 || !state.digest) return [];
    // Claimed by an upload that stopped before its first result, and now every row is refused: nothing of the file
    // is stored, so the id is not spent on it. (An upload claims the id only just before its first result is written.)
    if (command.alreadyRecorded === 0) {
      const { batchId, institutionId, digest, rows, rejected } = command;
      return [
        { type: 'ResultBatchReleased', data: { batchId, institutionId, digest, rows, rejected, releasedAt: context.now.toISOString() } },
      ];
    }
    // Else an interrupted file whose rows were all recorded before the crash: its first `ResultBatchProcessed` completes it.
  }
  const { type: _type, ...facts } = command;
  return [{ type: 'ResultBatchProcessed', data: { ...facts, submission: state.submissions + 1, processedAt: context.now.toISOString() } }];
}

export function evolveResultBatch(state: ResultBatchState, event: ResultBatchEvent): ResultBatchState {
  // Batches recorded before ids were claimed up front start with their first `ResultBatchProcessed`.
  if (event.type === 'ResultBatchOpened') return { ...state, digest: event.data.digest };
  if (event.type === 'ResultBatchReleased') return { submissions: state.submissions };
  return { digest: event.data.digest, submissions: state.submissions + 1 };
}

/** The batch aggregate: stream `assessment.result-batch-<id>`, the id scoped to the uploading institution. */
export const resultBatchDecider = defineDecider<ResultBatchCommand, ResultBatchState, ResultBatchEvent>({
  initialState: () => ({ submissions: 0 }),
  decide: decideResultBatch,
  evolve: evolveResultBatch,
});
