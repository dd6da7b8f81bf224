import { defineProjection, insertIgnore, type RecordedEvent } from '@alliance/event-sourcing';
import { ASSESSMENT_AGGREGATES } from '../../application/assessment-aggregates';
import {
  type ResultAmendedData,
  type ResultFacts,
  resultIdentityOf,
  type ResultPublishedData,
} from '../../domain/transcript/transcript.events';
import { ResultRows } from './result-rows';

/** The effective facts of a result as the row keeps them (absent optional facts as null). */
const factColumns = (d: ResultFacts) => ({
  grade: d.grade,
  passed: d.passed,
  assessedOn: d.assessedOn,
  assessmentType: d.assessmentType,
  supervision: d.supervision,
  evidenceUrl: d.evidenceUrl ?? null,
  assessor: d.assessor ?? null,
});

export const resultsProjection = defineProjection({
  name: 'assessment.results',
  version: 1,
  readModels: [ResultRows],
  streamPrefixes: [ASSESSMENT_AGGREGATES.prefix.transcript],
  handlers: {
    ResultPublished: async (e: RecordedEvent<ResultPublishedData>, { em, entity }) => {
      const d = e.data;
      // Insert only: a replayed publication must not undo a later amendment.
      await insertIgnore(em, entity(ResultRows), 'resultId', {
        ...resultIdentityOf(d),
        ...factColumns(d),
        publishedAt: d.publishedAt,
        publishedBy: e.metadata.actor.subject,
        batchId: d.batchId ?? null,
        rowRef: d.rowRef ?? null,
        amendments: [],
        revision: e.revision,
      });
    },
    ResultAmended: async (e: RecordedEvent<ResultAmendedData>, { em, entity }) => {
      const Rows = entity(ResultRows);
      const d = e.data;
      const row = await em.findOne(Rows, { resultId: d.resultId });
      if (!row || row.revision >= e.revision) return;
      const amendment = {
        amendmentId: d.amendmentId,
        amendmentNumber: d.amendmentNumber,
        grade: d.grade,
        passed: d.passed,
        assessedOn: d.assessedOn,
        reason: d.reason,
        amendedAt: d.amendedAt,
        amendedBy: e.metadata.actor.subject,
      };
      await em.nativeUpdate(
        Rows,
        { resultId: d.resultId },
        {
          ...factColumns(d),
          amendments: [...row.amendments, amendment],
          revision: e.revision,
        },
      );
    },
  },
});
