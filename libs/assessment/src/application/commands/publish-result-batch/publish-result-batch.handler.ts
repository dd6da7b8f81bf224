import type { CommandContext } from '@alliance/event-sourcing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AssessmentException } from '../../../domain/assessment.exception';
import type { EnrolmentView, SpecView } from '../../../domain/knowledge';
import type { MemberStanding } from '../../../domain/member-standing';
import type { ResultInput } from '../../../domain/transcript/transcript.commands';
import { rejectedResults } from '../../../domain/transcript/transcript.decider';
import { requireInstitutionStaff } from '../../acting-registrar';
import { AssessmentAggregates } from '../../assessment-aggregates';
import { BatchProgress } from '../../batch/batch-progress';
import { resultInputOf } from '../../batch/result-row.input';
import { BatchSettings } from '../../batch/batch-settings';
import { EventLoopTurns } from '../../batch/event-loop-turns';
import { AssessmentKnowledge, specKey } from '../../ports/assessment-knowledge.port';
import { ResultRecords } from '../../ports/result-records.port';
import { batchKeyOf } from '../../result-ids';
import { type BatchReport, RETRYABLE_CODES, type RowOutcome, type RowProblem } from './batch-report';
import { classifyRows, type GoodRow } from './classify-rows';
import { PublishResultBatchCommand } from './publish-result-batch.command';

interface Enrolled {
  enrolmentId: string;
  rows: GoodRow[];
  enrolment?: EnrolmentView;
  spec?: SpecView;
  recordedElsewhere: Map<string, string>;
}

@CommandHandler(PublishResultBatchCommand)
export class PublishResultBatchHandler implements ICommandHandler<PublishResultBatchCommand> {
  constructor(
    private readonly aggregates: AssessmentAggregates,
    private readonly knowledge: AssessmentKnowledge,
    private readonly records: ResultRecords,
    private readonly settings: BatchSettings,
    private readonly progress: BatchProgress,
  ) {}

  async execute(command: PublishResultBatchCommand): Promise<BatchReport> {
    const institutionId = requireInstitutionStaff(command.actor);
    const context = command.commandContext();
    const batchKey = batchKeyOf(institutionId, command.batchId);
    const actingMember = await this.knowledge.memberStanding(institutionId);
    const claim = {
      type: 'CheckBatchFile',
      batchId: command.batchId,
      institutionId,
      digest: command.digest,
      format: command.format,
      rows: command.rows.length,
      uploader: actingMember,
    } as const;
    // Another file under a used id, or a member that may not act, is refused before any row is read.
    await this.aggregates.resultBatch.decide(batchKey, claim, context);

    const turns = new EventLoopTurns();
    const { outcomes, groups } = await classifyRows(command.rows, batchKey, turns);
    this.progress.start(batchKey, { batchId: command.batchId, format: command.format, digest: command.digest }, outcomes);
    try {
      // The id is claimed for this file just before its first result is written, so a crash mid-file cannot free
      // it for another file, and a file of which nothing can be recorded writes nothing at all.
      let claimed: Promise<number> | undefined;
      const claimId = () => (claimed ??= this.aggregates.resultBatch.handle(batchKey, claim, context).then((h) => h.lastPosition ?? 0));
      const enrolled = await this.enrolled(groups);
      let lastPosition = 0;
      await eachLimited(enrolled, this.settings.concurrency, async (e) => {
        lastPosition = Math.max(lastPosition, await this.record(e, command.batchId, actingMember, context, claimed ? undefined : claimId));
        await turns.turn();
      });
      if (claimed) lastPosition = Math.max(lastPosition, await claimed);

      const report = reportOf(command, outcomes);
      const summary = await this.aggregates.resultBatch.handle(
        batchKey,
        {
          type: 'RecordBatch',
          batchId: command.batchId,
          institutionId,
          digest: command.digest,
          format: command.format,
          rows: report.rows,
          recorded: report.recorded,
          alreadyRecorded: report.alreadyRecorded,
          rejected: report.rejected,
        },
        context,
      );
      const position = Math.max(lastPosition, summary.lastPosition ?? 0) || undefined;
      this.progress.phase(batchKey, 'catching-up');
      const shown = this.records.caughtUp(position).then(() => this.progress.phase(batchKey, 'complete'));
      if ((command.mode ?? 'sync') === 'sync') await shown;
      else shown.catch(() => this.progress.phase(batchKey, 'failed'));
      return report;
    } catch (error) {
      this.progress.phase(batchKey, 'failed');
      throw error;
    }
  }

  /** What the decision needs per enrolment: what assessment knows of it and its definition, and ids recorded elsewhere. */
  private async enrolled(groups: Map<string, GoodRow[]>): Promise<Enrolled[]> {
    if (groups.size === 0) return [];
    const enrolments = await this.knowledge.enrolments([...groups.keys()]);
    const specs = await this.knowledge.specs(
      [...enrolments.values()].map((e) => ({ credentialSpecId: e.credentialSpecId, version: e.specVersion })),
    );
    const recordedFor = await this.records.enrolmentsOf([...groups.values()].flatMap((rows) => rows.map((r) => r.resultId)));
    return [...groups].map(([enrolmentId, rows]) => {
      const enrolment = enrolments.get(enrolmentId);
      const spec = enrolment ? specs.get(specKey(enrolment.credentialSpecId, enrolment.specVersion)) : undefined;
      return { enrolmentId, rows, enrolment, spec, recordedElsewhere: recordedFor };
    });
  }

  /**
   * Records one enrolment's rows: each pass drops the rows the decider refused and records the rest; a pass without
   * refusals ends it. `claimFirst`, until the batch id is claimed: decide without writing, and claim before writing.
   */
  private async record(
    e: Enrolled,
    batchId: string,
    actingMember: MemberStanding,
    context: CommandContext,
    claimFirst?: () => Promise<number>,
  ): Promise<number> {
    let pending = e.rows;
    while (pending.length > 0) {
      const results: ResultInput[] = pending.map((r) => toResultInput(r, batchId));
      const transcript = {
        type: 'PublishResults',
        enrolmentId: e.enrolmentId,
        enrolment: e.enrolment,
        spec: e.spec,
        results,
        actingMember,
        recordedElsewhere: elsewhere(results, e.enrolmentId, e.recordedElsewhere),
      } as const;
      try {
        if (claimFirst) {
          if ((await this.aggregates.transcript.decide(e.enrolmentId, transcript, context)).events.length > 0) {
            await claimFirst().catch((cause: unknown) => Promise.reject(new ClaimRefused(cause)));
          }
        }
        const handled = await this.aggregates.transcript.handle(e.enrolmentId, transcript, context);
        const recorded = new Set(handled.events.map((x) => x.data.resultId));
        for (const r of pending) {
          r.outcome.status = recorded.has(r.resultId) ? 'recorded' : 'already-recorded';
          r.outcome.resultId = r.resultId;
        }
        return handled.lastPosition ?? 0;
      } catch (error) {
        if (error instanceof ClaimRefused) throw error.cause;
        const rejected = rejectedResults(error);
        if (rejected) {
          const refused = new Set(rejected.map((x) => x.index));
          for (const x of rejected) reject(pending[x.index].outcome, problemOf(x));
          pending = pending.filter((_, i) => !refused.has(i));
        } else if (error instanceof AssessmentException) {
          for (const r of pending) reject(r.outcome, problemOf(error));
          return 0;
        } else throw error;
      }
    }
    return 0;
  }
}

/** The batch id could not be claimed (another file took it meanwhile): the whole upload fails, no row is refused for it. */
class ClaimRefused {
  constructor(readonly cause: unknown) {}
}

function reject(outcome: RowOutcome, problem: RowProblem): void {
  outcome.status = 'rejected';
  outcome.problem = problem;
}

function reportOf(command: PublishResultBatchCommand, outcomes: RowOutcome[]): BatchReport {
  const count = (status: RowOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return {
    batchId: command.batchId,
    format: command.format,
    digest: command.digest,
    rows: outcomes.length,
    recorded: count('recorded'),
    alreadyRecorded: count('already-recorded'),
    rejected: count('rejected'),
    retryable: outcomes.filter((o) => o.problem?.retryable).length,
    outcomes,
    rejections: outcomes.filter((o) => o.status === 'rejected'),
  };
}

/** The result ids among `results` that the read model holds for another enrolment. */
function elsewhere(results: ResultInput[], enrolmentId: string, recordedFor: Map<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of results) {
    const owner = recordedFor.get(r.resultId);
    if (owner !== undefined && owner !== enrolmentId) out[r.resultId] = owner;
  }
  return out;
}

function toResultInput(r: GoodRow, batchId: string): ResultInput {
  return { ...resultInputOf(r.resultId, r.input), batchId, rowRef: r.input.rowId ?? String(r.outcome.line) };
}

function problemOf(error: Pick<AssessmentException, 'code' | 'status' | 'message' | 'field'>): RowProblem {
  return {
    code: error.code,
    status: error.status,
    message: error.message,
    ...(error.field ? { field: error.field } : {}),
    ...(RETRYABLE_CODES.has(error.code) ? { retryable: true } : {}),
  };
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
