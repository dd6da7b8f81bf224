import { readModelTable } from '@alliance/event-sourcing';
import { p } from '@mikro-orm/core';
import type { MetPrerequisite } from '../../domain/learner/learner.events';
import type { ProtectedIdentity } from '../../domain/protected-identity';

export interface TransferRecord {
  fromVersion: number;
  toVersion: number;
  reason: string;
  at: string;
  by: string;
}

/**
 * One row per enrolment. The identity stays sealed here as in the events (opened per request with the
 * learner's key) and is dropped once the learner is erased.
 */
export const EnrolmentRows = readModelTable('enrolment_enrolments', () => ({
  enrolmentId: p.string().primary(),
  learnerId: p.string().index(),
  credentialSpecId: p.string().index(),
  specVersion: p.integer(),
  institutionId: p.string().index(),
  status: p.string().index(),
  identity: p.json<ProtectedIdentity>().nullable(),
  learnerErased: p.boolean(),
  consentGivenAt: p.string(),
  consentTextVersion: p.string(),
  prerequisitesMet: p.json<MetPrerequisite[]>(),
  enrolledAt: p.string(),
  enrolledBy: p.string(),
  withdrawnAt: p.string().nullable(),
  withdrawalReason: p.text().nullable(),
  completedAt: p.string().nullable(),
  credentialId: p.string().nullable(),
  transfers: p.json<TransferRecord[]>(),
  /** Stream revision of the last event applied: a replayed older event is skipped. */
  revision: p.integer(),
}));
