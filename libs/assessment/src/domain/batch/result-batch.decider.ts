import { type DecisionContext, defineDecider } from '@alliance/event-sourcing';
import { AssessmentException } from '../assessment.exception';
import { type MemberStanding, requireMemberMayAct } from '../member-standing';
import type { ResultBatchEvent } from './result-batch.events';

export interface ResultBatchState {
  digest?: string;
  submissions: number;
}

/** Asked before any row is read: the uploading institution's standing, and that the batch id names this file. */
export type CheckBatchFile = { type: 'CheckBatchFile'; batchId: string; digest: string; uploader: MemberStanding };
export type RecordBatch = {
  type: 'RecordBatch';
  batchId: string;
  institutionId: string;
  digest: string;
  format: 'json' | 'csv';
  rows: number;
  recorded: number;
  alreadyRecorded: number;
  rejected: number;
};
export type ResultBatchCommand = CheckBatchFile | RecordBatch;

/** A batch id names one file: re-sending it is safe, sending another file under it is a mistake. */
function requireSameFile(state: ResultBatchState, batchId: string, digest: string): void {
  if (state.digest && state.digest !== digest) {
    throw AssessmentException.conflict('batch-id-reused', `batch ${batchId} was already used for a different file; choose a new batch id`, 'batchId');
  }
}

export function decideResultBatch(command: ResultBatchCommand, state: ResultBatchState, context: DecisionContext): ResultBatchEvent[] {
  if (command.type === 'CheckBatchFile') requireMemberMayAct(command.uploader);
  requireSameFile(state, command.batchId, command.digest);
  if (command.type === 'CheckBatchFile') return [];
  // Nothing new recorded (a replay, or every row refused): nothing to write about the submission either.
  if (command.recorded === 0) return [];
  const { type: _type, ...facts } = command;
  return [{ type: 'ResultBatchProcessed', data: { ...facts, submission: state.submissions + 1, processedAt: context.now.toISOString() } }];
}

export function evolveResultBatch(state: ResultBatchState, event: ResultBatchEvent): ResultBatchState {
  return { digest: event.data.digest, submissions: state.submissions + 1 };
}

/** The batch aggregate: stream `assessment.result-batch-<id>`, the id scoped to the uploading institution. */
export const resultBatchDecider = defineDecider<ResultBatchCommand, ResultBatchState, ResultBatchEvent>({
  initialState: () => ({ submissions: 0 }),
  decide: decideResultBatch,
  evolve: evolveResultBatch,
});
