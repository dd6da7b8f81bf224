import { institutionsFixture, jointGrades, jointSpec, UNI_A } from '../../domain/__fixtures__/specs.fixture';
import type { AwardGranted } from '../../domain/award/award.events';
import type { ComposeInput } from '../compose/compose-credential';

/** A passed two-university award, as composing its credential gets it. */
export const composeAward: AwardGranted['data'] = {
  awardId: 'enr-1',
  credentialId: '0190f5a0-0000-7000-8000-0000000000c1',
  learner: { learnerId: 'learner-1', name: 'Ada Lovelace', email: 'ada@example.org' },
  specId: 'spec-joint',
  specVersion: 1,
  awardedAt: '2026-03-01T10:00:00.000Z',
  grades: jointGrades(8, 7),
};

export const composeInput: ComposeInput = {
  award: composeAward,
  spec: jointSpec,
  institutions: institutionsFixture(),
  status: { listId: `${UNI_A}-1`, index: 4242 },
  publicUrl: 'https://issuance.alliance.example/',
  validFrom: '2026-03-01T10:00:05.000Z',
};
