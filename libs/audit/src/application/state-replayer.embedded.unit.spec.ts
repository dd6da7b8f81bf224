import type { RecordedEvent } from '@alliance/event-sourcing';
import { openAuditWorld, type AuditWorld } from '../__fixtures__/audit-stores.fixture';
import { IDS, T, writeCredentialHistory } from '../__fixtures__/credential-history.fixture';
import { StateReplayer, type StreamFolder } from './state-replayer';

/** A tiny stand-in for a context's evolver: the published version and its workload. */
const specFolder: StreamFolder<{ published?: number; ects?: number; approvals: string[] }> = {
  streamPrefix: 'catalogue.credential-spec-',
  initialState: () => ({ approvals: [] }),
  evolve: (s, e: RecordedEvent) => {
    const d = e.data as { version: number; institutionId?: string; definition?: { ects: number } };
    if (e.type === 'CredentialSpecApproved') return { ...s, approvals: [...s.approvals, d.institutionId!] };
    if (e.type === 'CredentialSpecPublished') return { ...s, published: d.version, ects: d.definition!.ects };
    return s;
  },
};

describe('point-in-time state', () => {
  let world: AuditWorld;
  let replayer: StateReplayer;
  beforeAll(async () => {
    world = await openAuditWorld();
    await writeCredentialHistory(world);
    replayer = new StateReplayer(world.sources, [specFolder as StreamFolder]);
  });
  afterAll(() => world.close());
  const specStream = `catalogue.credential-spec-${IDS.spec}`;

  it('shows a definition before and after its version change', async () => {
    const before = await replayer.stateAt(specStream, '2025-03-31T23:59:59.000Z');
    const after = await replayer.stateAt(specStream, T.version2);
    expect(before).toMatchObject({
      store: 'catalogue',
      revision: 4,
      eventsApplied: 5,
      lastEventAt: T.published,
      generic: false,
      state: { published: 1, ects: 5 },
    });
    expect(after).toMatchObject({ revision: 6, eventsApplied: 7, state: { published: 2, ects: 6, approvals: ['uni-a', 'uni-b'] } });
  });

  it('says the stream did not exist yet before its first event', async () => {
    expect(await replayer.stateAt(specStream, '2024-12-31T00:00:00.000Z')).toMatchObject({
      revision: -1,
      eventsApplied: 0,
      state: { approvals: [] },
    });
  });

  it('lists the events of a stream no folder knows', async () => {
    const s = await replayer.stateAt(`issuance.credential-${IDS.credential}`, T.reinstated);
    expect(s.generic).toBe(true);
    expect((s.state as { type: string }[]).map((e) => e.type)).toEqual([
      'CredentialDrafted',
      'CredentialProofAdded',
      'CredentialProofAdded',
      'CredentialIssued',
      'CredentialSuspended',
      'CredentialReinstated',
    ]);
  });

  it('rejects a stream of no audited store', async () => {
    await expect(replayer.stateAt('payroll.thing-1', T.issued)).rejects.toMatchObject({ code: 'audit.unknown-stream', status: 404 });
  });
});
