import { openAuditWorld, type AuditWorld } from '../__fixtures__/audit-stores.fixture';
import { verifyInclusion } from '../domain/merkle-tree';
import { verifyCheckpointSignature } from '../domain/signed-checkpoint';
import { allCheckpoints, Checkpointer } from './checkpointer';
import { inclusionProofFor } from './inclusion-proof';
import { verifyLog } from './log-verifier';

const at = (minute: number) => new Date(Date.UTC(2025, 0, 10, 9, minute)).toISOString();

describe('tamper evidence on embedded stores', () => {
  let world: AuditWorld;
  let checkpointer: Checkpointer;

  beforeEach(async () => {
    world = await openAuditWorld(['catalogue', 'issuance']);
    checkpointer = new Checkpointer(world.sources, world.auditStore, world.key);
    for (let i = 0; i < 5; i++) {
      await world.append(`catalogue.institution-${i}`, [{ type: 'InstitutionRegistered', data: { institutionId: `${i}` }, at: at(i) }]);
      await world.append(`issuance.credential-${i}`, [
        { type: 'CredentialDrafted', data: { credentialId: `${i}` }, at: at(i) },
        { type: 'CredentialIssued', data: { credentialId: `${i}` }, at: at(i + 1) },
      ]);
    }
  });
  afterEach(() => world.close());

  it('checkpoints only what is new, chains the checkpoints and passes verification', async () => {
    const first = await checkpointer.checkpointAll();
    expect(first.map((c) => [c.store, c.sequence, c.fromPosition, c.toPosition, c.treeSize])).toEqual([
      ['catalogue', 1, 0, 5, 5],
      ['issuance', 1, 0, 10, 10],
    ]);
    expect(await checkpointer.checkpointAll()).toEqual([]);
    await world.append('issuance.credential-0', [{ type: 'CredentialRevoked', data: { credentialId: '0' }, at: at(30) }]);
    const [second] = await checkpointer.checkpointAll();
    expect(second).toMatchObject({ store: 'issuance', sequence: 2, fromPosition: 10, toPosition: 11, treeSize: 1 });
    expect(second!.previousDigest).toMatch(/^[0-9a-f]{64}$/);

    const progress: number[] = [];
    const verdicts = await verifyLog(world.sources, world.auditStore, world.key.publicKey, (p) => progress.push(p.checked));
    expect(verdicts).toEqual([
      { store: 'catalogue', eventsChecked: 5, checkpointsChecked: 1, ok: true, uncheckpointedEvents: 0 },
      { store: 'issuance', eventsChecked: 11, checkpointsChecked: 2, ok: true, uncheckpointedEvents: 0 },
      expect.objectContaining({ store: 'audit', ok: true, eventsChecked: 3 }),
    ]);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('names the altered row: store, stream, revision, position and event id', async () => {
    await checkpointer.checkpointAll();
    const [victim] = await world.source('issuance').store.readStream('issuance.credential-3', { maxCount: 1 });
    world.tamper('issuance', victim!.position, { credentialId: '3', forged: true });
    const verdicts = await verifyLog(world.sources, world.auditStore, world.key.publicKey);
    expect(verdicts.find((v) => v.store === 'catalogue')?.ok).toBe(true);
    expect(verdicts.find((v) => v.store === 'issuance')).toMatchObject({
      ok: false,
      finding: {
        kind: 'broken-link',
        reason: 'hash-mismatch',
        store: 'issuance',
        streamId: 'issuance.credential-3',
        revision: 0,
        position: victim!.position,
        eventId: victim!.eventId,
        foundHash: victim!.hash,
      },
    });
  });

  it('catches a rewrite whose hashes were recomputed, through the signed Merkle root', async () => {
    await checkpointer.checkpointAll();
    // A forger who also recomputes the chain leaves every link intact; only the signed root can tell.
    const store = world.source('catalogue').store;
    const [victim] = await store.readStream('catalogue.institution-4');
    world.tamperWithRehash('catalogue', victim!.position, { institutionId: 'forged' });
    const verdicts = await verifyLog(world.sources, world.auditStore, world.key.publicKey);
    expect(verdicts.find((v) => v.store === 'catalogue')).toMatchObject({ ok: false, finding: { kind: 'checkpoint-root', sequence: 1 } });
  });

  it('gives an inclusion proof a third party checks with the public key alone', async () => {
    await checkpointer.checkpointAll();
    const source = world.source('issuance');
    const proof = await inclusionProofFor(source, world.auditStore, 7);
    expect(proof).toBeDefined();
    const { event, leafIndex, checkpoint } = JSON.parse(JSON.stringify(proof));
    expect(verifyCheckpointSignature(checkpoint, world.key.publicKey)).toBe(true);
    expect(verifyInclusion(event.hash, leafIndex, checkpoint.treeSize, proof!.proof, checkpoint.merkleRoot)).toBe(true);
    expect(verifyInclusion('00'.repeat(32), leafIndex, checkpoint.treeSize, proof!.proof, checkpoint.merkleRoot)).toBe(false);
    expect(await inclusionProofFor(source, world.auditStore, 99)).toBeUndefined();
    expect(await allCheckpoints(world.auditStore, 'issuance')).toHaveLength(1);
  });
});
