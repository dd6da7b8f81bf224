import { readModelTable } from '@alliance/event-sourcing';
import { memberStandingTable } from '@alliance/service-runtime';
import { p } from '@mikro-orm/core';
import type { GradingScheme, SpecView } from '../../domain/knowledge';

/** Written by the inbox, never replayed into a new version: version 1 for good. */
export const KNOWLEDGE_VERSION = 1;

/** Published definition versions: who owns which component, and the grading scheme. Fed by the inbox. */
export const SpecVersionRows = readModelTable('assessment_spec_versions', () => ({
  id: p.string().primary(),
  credentialSpecId: p.string().index(),
  version: p.integer(),
  components: p.json<SpecView['components']>(),
  gradingScheme: p.json<GradingScheme>().nullable(),
}));

/** Enrolments as the enrolment context announced them (no personal data: the learner is an id here). */
export const EnrolmentRows = readModelTable('assessment_enrolments', () => ({
  enrolmentId: p.string().primary(),
  learnerId: p.string().index(),
  credentialSpecId: p.string(),
  specVersion: p.integer(),
  status: p.string(),
  enrolledAt: p.string(),
}));

/** Each member institution's current standing in the alliance, from the catalogue's membership events. */
export const MemberStandings = memberStandingTable('assessment', KNOWLEDGE_VERSION);
