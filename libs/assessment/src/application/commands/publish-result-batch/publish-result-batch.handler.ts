import { Injectable } from '@nestjs/common';
import { AssessmentException } from '../../../domain/assessment.exception';
import type { ResultInput } from '../../../domain/transcript/transcript.commands';
import { ResultsRejected } from '../../../domain/transcript/transcript.decider';
import { requireInstitutionStaff } from '../../acting-registrar';
import { AssessmentAggregates } from '../../assessment-aggregates';
import { BatchSettings } from '../../batch/batch-settings';
import type { ResultRowInput } from '../../batch/result-row.input';
import { validateRow } from '../../batch/validate-row';
import { AssessmentKnowledge, specKey } from '../../ports/assessment-knowledge.port';
import { ResultRecords } from '../../ports/result-records.port';
import { batchKeyOf, rowResultId } from '../../result-ids';
import type { BatchReport, RowOutcome, RowProblem } from './batch-report';
import type { PublishResultBatchCommand } from './publish-result-batch.command';

type GoodRow = { outcome: RowOutcome; input: ResultRowInput; resultId: string };

@Injectable()
export class PublishResultBatchHandler {
  constructor(
    private readonly aggregates: AssessmentAggregates,
    private readonly knowledge: AssessmentKnowledge,
    private readonly records: ResultRecords,
    private readonly settings: BatchSettings,
  ) {}

  async execute(command: PublishResultBatchCommand): Promise<BatchReport> {
    const institutionId = requireInstitutionStaff(command.actor);
    const context = command.commandContext();
    const batchKey = batchKeyOf(institutionId, command.batchId);
    const actingMember = await this.knowledge.memberStanding(institutionId);
    const claim = { type: 'CheckBatchFile', batchId: command.batchId, institutionId, digest: command.digest, format: command.format, rows: command.rows.length, uploader: actingMember } as const;

    const outcomes: RowOutcome[] = [];
    const groups = new Map<string, GoodRow[]>();
    const repeated = repeatedRowIds(command.rows);
    for (const uploaded of command.rows) {
      const outcome: RowOutcome = { row: uploaded.row, line: uploaded.line, status: 'rejected', ...identify(uploaded.values) };
      outcomes.push(outcome);
      if (uploaded.unreadable) {
        outcome.problem = { code: 'assessment.row-unreadable', status: 400, message: uploaded.unreadable };
        continue;
      }
      const sharing = outcome.rowId !== undefined ? repeated.get(outcome.rowId) : undefined;
      if (sharing) {
        // Which of the rows the id was meant for cannot be told, so none is recorded: each would take the same result id.
        outcome.problem = {
          code: 'assessment.row-id-duplicate',
          status: 422,
          field: 'rowId',
          message: `rowId ${outcome.rowId} appears on lines ${sharing.join(', ')}; a rowId names one row of a batch, so none of these rows is recorded`,
          lines: sharing,
        };
        continue;
      }
      const check = validateRow(uploaded.values);
      if (!check.ok) {
        outcome.problem = { code: 'assessment.row-invalid', status: 400, field: check.errors[0].field, message: check.errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors: check.errors };
        continue;
      }
      const row: GoodRow = { outcome, input: check.input, resultId: rowResultId(batchKey, { rowId: check.input.rowId, row: uploaded.row }) };
      const group = groups.get(check.input.enrolmentId) ?? [];
      group.push(row);
      groups.set(check.input.enrolmentId, group);
    }

    if (groups.size === 0) {
      // No row can be recorded: the file is checked against the id (same file, member may act) but nothing is written.
      await this.aggregates.checkBatch(batchKey, claim, context);
      return reportOf(command, outcomes);
    }
    // Claims the batch id for this file before any row is recorded: a crash mid-file cannot free the id for another file.
    await this.aggregates.onBatch(batchKey, claim, context);

    const enrolments = await this.knowledge.enrolments([...groups.keys()]);
    const specs = await this.knowledge.specs([...enrolments.values()].map((e) => ({ credentialSpecId: e.credentialSpecId, version: e.specVersion })));
    const recordedFor = await this.records.enrolmentsOf([...groups.values()].flatMap((rows) => rows.map((r) => r.resultId)));
    let lastPosition = 0;
    await eachLimited([...groups.entries()], this.settings.concurrency, async ([enrolmentId, rows]) => {
      const enrolment = enrolments.get(enrolmentId);
      const spec = enrolment ? specs.get(specKey(enrolment.credentialSpecId, enrolment.specVersion)) : undefined;
      let pending = rows;
      // Each pass drops the rows the decider refused and records the rest; a pass without refusals ends it.
      while (pending.length > 0) {
        try {
          const results: ResultInput[] = pending.map((r) => toResultInput(r, command.batchId));
          const recordedElsewhere = elsewhere(results, enrolmentId, recordedFor);
          const handled = await this.aggregates.onTranscript(enrolmentId, { type: 'PublishResults', enrolmentId, enrolment, spec, results, actingMember, recordedElsewhere }, context);
          const recorded = new Set(handled.events.map((e) => e.data.resultId));
          for (const r of pending) {
            r.outcome.status = recorded.has(r.resultId) ? 'recorded' : 'already-recorded';
            r.outcome.resultId = r.resultId;
          }
          lastPosition = Math.max(lastPosition, handled.lastPosition ?? 0);
          return;
        } catch (error) {
          if (error instanceof ResultsRejected) {
            const refused = new Set(error.rejections.map((x) => x.index));
            for (const x of error.rejections) pending[x.index].outcome.problem = problemOf(x.error);
            pending = pending.filter((_, i) => !refused.has(i));
          } else if (error instanceof AssessmentException) {
            for (const r of pending) r.outcome.problem = problemOf(error);
            return;
          } else throw error;
        }
      }
    });

    const report = reportOf(command, outcomes);
    const summary = await this.aggregates.onBatch(
      batchKey,
      { type: 'RecordBatch', batchId: command.batchId, institutionId, digest: command.digest, format: command.format, rows: report.rows, recorded: report.recorded, alreadyRecorded: report.alreadyRecorded, rejected: report.rejected },
      context,
    );
    await this.records.caughtUp(Math.max(lastPosition, summary.lastPosition ?? 0) || undefined);
    return report;
  }
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
    outcomes,
    rejections: outcomes.filter((o) => o.status === 'rejected'),
  };
}

/** Each client rowId used on more than one row of the upload, with the lines that carry it. */
function repeatedRowIds(rows: PublishResultBatchCommand['rows']): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  for (const r of rows) {
    const rowId = r.unreadable ? undefined : r.values.rowId;
    if (typeof rowId === 'string' && rowId) lines.set(rowId, [...(lines.get(rowId) ?? []), r.line]);
  }
  return new Map([...lines].filter(([, at]) => at.length > 1));
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

function identify(values: Record<string, unknown>): Pick<RowOutcome, 'rowId' | 'enrolmentId' | 'componentCode'> {
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const out: Pick<RowOutcome, 'rowId' | 'enrolmentId' | 'componentCode'> = {};
  if (text(values.rowId)) out.rowId = text(values.rowId);
  if (text(values.enrolmentId)) out.enrolmentId = text(values.enrolmentId);
  if (text(values.componentCode)) out.componentCode = text(values.componentCode);
  return out;
}

function toResultInput(r: GoodRow, batchId: string): ResultInput {
  const i = r.input;
  return {
    resultId: r.resultId,
    componentCode: i.componentCode,
    grade: i.grade,
    assessedOn: i.assessedOn,
    assessmentType: i.assessmentType,
    supervision: i.supervision,
    ...(i.evidenceUrl ? { evidenceUrl: i.evidenceUrl } : {}),
    ...(i.assessor ? { assessor: i.assessor } : {}),
    batchId,
    rowRef: i.rowId ?? String(r.outcome.line),
  };
}

function problemOf(error: AssessmentException): RowProblem {
  return { code: error.code, status: error.status, message: error.message, ...(error.field ? { field: error.field } : {}) };
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
