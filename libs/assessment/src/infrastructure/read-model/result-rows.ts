import { readModelTable } from '@alliance/event-sourcing';
import { p } from '@mikro-orm/core';
import type { AmendmentRecord } from '../../application/ports/result-records.port';
import type { Grade } from '../../domain/grading';

/** One row per result: its effective facts and the history of amendments. */
export const ResultRows = readModelTable('assessment_results', () => ({
  resultId: p.string().primary(),
  enrolmentId: p.string().index(),
  learnerId: p.string().index(),
  credentialSpecId: p.string(),
  specVersion: p.integer(),
  componentCode: p.string(),
  institutionId: p.string().index(),
  grade: p.json<Grade>(),
  passed: p.boolean(),
  assessedOn: p.string(),
  assessmentType: p.text(),
  supervision: p.string(),
  evidenceUrl: p.text().nullable(),
  assessor: p.text().nullable(),
  publishedAt: p.string(),
  publishedBy: p.string(),
  batchId: p.string().nullable().index(),
  rowRef: p.string().nullable(),
  amendments: p.json<AmendmentRecord[]>(),
  /** Revision of the transcript stream's last event applied to this row: replays are skipped. */
  revision: p.integer(),
}));
