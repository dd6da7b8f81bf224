import type { RecordedEvent } from '@alliance/event-sourcing';

import { credentialLifecycleEvents } from './infrastructure/projections/__fixtures__/credential-events.fixture';
import { ISSUANCE_STREAM_FOLDERS } from './issuance.stream-folders';
import { ISSUANCE_AGGREGATES } from './application/issuance-aggregates';

const recorded = (e: { streamId: string; type: string; data: unknown }, revision: number) =>
  ({ ...e, revision }) as unknown as RecordedEvent;

/** What an auditor's point-in-time replay does: the first folder whose prefix the stream id starts with. */
function fold(streamId: string, events: { streamId: string; type: string; data: unknown }[]) {
  const matching = ISSUANCE_STREAM_FOLDERS.filter((f) => streamId.startsWith(f.streamPrefix));
  expect(matching).toHaveLength(1);
  return events
    .filter((e) => e.streamId === streamId)
    .reduce((s, e, i) => matching[0]!.evolve(s, recorded(e, i)), matching[0]!.initialState());
}

describe('issuance stream folders (point-in-time state for auditors)', () => {
  it('cover every kind of issuance stream, each with exactly one folder', () => {
    const streams = [
      ISSUANCE_AGGREGATES.stream.award('a1'),
      ISSUANCE_AGGREGATES.stream.credential('c1'),
      ISSUANCE_AGGREGATES.stream.signer('uni-a'),
      ISSUANCE_AGGREGATES.stream.knownSpec('spec-1'),
      ISSUANCE_AGGREGATES.stream.knownInstitution('uni-a'),
      ISSUANCE_AGGREGATES.stream.finalRevocation({ learnerId: 'learner-1', specId: 'spec-1' }),
      ISSUANCE_AGGREGATES.stream.statusRegister('uni-a'),
      ISSUANCE_AGGREGATES.stream.statusSlot({ listId: 'L1', index: 5 }),
    ];
    for (const stream of streams)
      expect({ stream, folders: ISSUANCE_STREAM_FOLDERS.filter((f) => stream.startsWith(f.streamPrefix)).length }).toEqual({
        stream,
        folders: 1,
      });
  });

  it("fold a credential's events into the state its decider saw, at each step of its life", () => {
    const events = credentialLifecycleEvents();
    const upToIssued = events.slice(0, events.findIndex((e) => e.type === 'CredentialIssued') + 1);
    expect(fold('issuance.credential-c1', upToIssued)).toMatchObject({ credentialId: 'c1', lifecycle: 'issued' });
    const revoked = fold('issuance.credential-c1', events) as { lifecycle: string; proofs: unknown[] };
    expect(revoked.lifecycle).toBe('revoked');
    expect(revoked.proofs).toHaveLength(2);
    expect(fold('issuance.status-register-a', events)).toMatchObject({ current: { listId: 'L1', seq: 1 } });
  });
});
