import type { DecisionContext } from '@alliance/event-sourcing';
import type { EnrolmentView, SpecView } from '../knowledge';
import type { PublishResults, ResultInput } from '../transcript/transcript.commands';
import type { ResultIdentity, ResultPublished } from '../transcript/transcript.events';

export const AAU = 'inst-aau';
export const DCU = 'inst-dcu';
export const NOW = new Date('2026-06-15T10:00:00.000Z');
export const registrarOf = (institution: string): Partial<DecisionContext> => ({
  now: NOW,
  actor: { subject: `registrar@${institution}`, role: 'registrar', institution },
});

export const numericSpec: SpecView = {
  credentialSpecId: 'spec-energy',
  version: 1,
  components: [
    { code: 'ENERGY-101', title: 'Energy systems', institutionId: AAU },
    { code: 'GRID-201', title: 'Smart grids', institutionId: DCU },
    { code: 'LAB-110', title: 'Energy lab', institutionId: AAU },
  ],
  gradingScheme: { type: 'numeric', minimum: 0, maximum: 100, passMark: 50 },
};

export const enrolment: EnrolmentView = {
  enrolmentId: 'enr-1',
  learnerId: 'learner-1',
  credentialSpecId: 'spec-energy',
  specVersion: 1,
  status: 'active',
};

export const input = (over: Partial<ResultInput> = {}): ResultInput => ({
  resultId: 'res-1',
  componentCode: 'ENERGY-101',
  grade: 72,
  assessedOn: '2026-06-10',
  assessmentType: 'written exam',
  supervision: 'supervised-onsite-identity-verification',
  ...over,
});

export const publishCommand = (results: ResultInput[] = [input()], over: Partial<PublishResults> = {}): PublishResults => ({
  type: 'PublishResults',
  enrolmentId: 'enr-1',
  enrolment,
  spec: numericSpec,
  results,
  actingMember: { institutionId: AAU, status: 'active' },
  recordedElsewhere: {},
  ...over,
});

/** The result `res-1`: AAU's ENERGY-101 of enrolment enr-1. */
export const resultIdentity: ResultIdentity = {
  resultId: 'res-1',
  enrolmentId: 'enr-1',
  learnerId: 'learner-1',
  credentialSpecId: 'spec-energy',
  specVersion: 1,
  componentCode: 'ENERGY-101',
  institutionId: AAU,
};

export const published = (over: Partial<ResultPublished['data']> = {}): ResultPublished => ({
  type: 'ResultPublished',
  data: {
    ...resultIdentity,
    grade: 72,
    passed: true,
    assessedOn: '2026-06-10',
    assessmentType: 'written exam',
    supervision: 'supervised-onsite-identity-verification',
    publishedAt: NOW.toISOString(),
    ...over,
  },
});
