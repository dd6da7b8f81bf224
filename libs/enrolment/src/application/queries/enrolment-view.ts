import type { OpenedIdentity } from '../personal-data/identity-vault';
import type { EnrolmentRecordRow } from '../ports/enrolment-records.port';

/** An enrolment as the API shows it: the learner's identity opened, or marked erased. */
export interface EnrolmentView {
  enrolmentId: string;
  learnerId: string;
  credentialSpecId: string;
  specVersion: number;
  institutionId: string;
  status: string;
  learner: OpenedIdentity;
  consent: { givenAt: string; textVersion: string };
  prerequisitesMet: EnrolmentRecordRow['prerequisitesMet'];
  enrolledAt: string;
  enrolledBy: string;
  withdrawnAt?: string;
  withdrawalReason?: string;
  completedAt?: string;
  credentialId?: string;
  transfers: EnrolmentRecordRow['transfers'];
}

export function enrolmentView(row: EnrolmentRecordRow, learner: OpenedIdentity): EnrolmentView {
  return {
    enrolmentId: row.enrolmentId,
    learnerId: row.learnerId,
    credentialSpecId: row.credentialSpecId,
    specVersion: row.specVersion,
    institutionId: row.institutionId,
    status: row.status,
    learner,
    consent: { givenAt: row.consentGivenAt, textVersion: row.consentTextVersion },
    prerequisitesMet: row.prerequisitesMet,
    enrolledAt: row.enrolledAt,
    enrolledBy: row.enrolledBy,
    ...(row.withdrawnAt ? { withdrawnAt: row.withdrawnAt, withdrawalReason: row.withdrawalReason ?? '' } : {}),
    ...(row.completedAt ? { completedAt: row.completedAt, credentialId: row.credentialId ?? '' } : {}),
    transfers: row.transfers,
  };
}
