import { p } from '@mikro-orm/core';
import { readModelTable } from '@alliance/event-sourcing';

/** Which learner follows which definition, and the credential standing for it: routes stack parts and late definitions. */
export const AwardTrackRows = readModelTable('issuance_award_tracks', () => ({
  awardId: p.string().primary(),
  learnerId: p.string().nullable().index(),
  specId: p.string().nullable().index(),
  specVersion: p.integer().nullable(),
  opened: p.boolean(),
  closed: p.boolean(),
  currentCredentialId: p.string().nullable(),
}));

/** For each stack definition version, the definitions it is made of. */
export const StackPartRows = readModelTable('issuance_stack_parts', () => ({
  id: p.string().primary(),
  partSpecId: p.string().index(),
  stackSpecId: p.string().index(),
  stackVersion: p.integer(),
}));
