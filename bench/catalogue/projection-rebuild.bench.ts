import { createCommandHandler, createReadModelOrm, InMemoryEventStore, rebuildProjection } from '@alliance/event-sourcing';
import { catalogueProjection } from '../../libs/catalogue/src/infrastructure/read-model/catalogue.projection';
import { credentialSpecDecider } from '../../libs/catalogue/src/domain/credential-spec/credential-spec.decider';
import { institutionDecider } from '../../libs/catalogue/src/domain/institution/institution.decider';
import { CATALOGUE_AGGREGATES } from '../../libs/catalogue/src/application/catalogue-aggregates';
import { demoCredentialDefinition, ECIU_MEMBERS } from '../../libs/catalogue/src/demo/eciu-demo-data';
import type { MemberView } from '../../libs/catalogue/src/domain/credential-spec/registry-view';
import { addKeyWithProof } from '../../libs/catalogue/src/domain/__fixtures__/key-possession.fixture';

/** Rebuild rate of the catalogue projection alone, on events produced by the real deciders. */
export async function benchProjectionRebuild(specs: number): Promise<{ events: number; ms: number }> {
  const store = new InMemoryEventStore();
  const institutions = createCommandHandler({ store, decider: institutionDecider });
  const definitions = createCommandHandler({ store, decider: credentialSpecDecider });
  const admin = { actor: { subject: 'bench', role: 'alliance-admin' }, correlationId: 'bench' };
  const members = new Map<string, MemberView>();
  const ids: Record<string, string> = {};
  for (const [i, { key, ...profile }] of ECIU_MEMBERS.entries()) {
    const institutionId = `member-${i}`;
    ids[key] = institutionId;
    const did = `did:web:bench.example:institutions:${institutionId}`;
    await institutions.handle(
      CATALOGUE_AGGREGATES.stream.institution(institutionId),
      { type: 'RegisterInstitution', institutionId, ...profile, did },
      admin,
    );
    // Its own admin activates it with a key proven over a catalogue challenge, as every member must.
    await addKeyWithProof(
      (command, context) => institutions.handle(CATALOGUE_AGGREGATES.stream.institution(institutionId), command, context),
      institutionId,
      {
        keyId: 'key-1',
      },
    );
    members.set(institutionId, { institutionId, ...profile, did, status: 'active' });
  }
  const registry = { members, specs: new Map() };
  for (let i = 0; i < specs; i++) {
    const id = `spec-${i}`;
    const stream = CATALOGUE_AGGREGATES.stream.credentialSpec(id);
    const definition = { ...demoCredentialDefinition(ids as never), title: `Spec ${i}` } as never;
    await definitions.handle(stream, { type: 'DraftCredentialSpec', credentialSpecId: id, definition, registry }, admin);
    await definitions.handle(stream, { type: 'ProposeCredentialSpec', registry }, admin);
    for (const k of ['aau', 'ut', 'tuni']) {
      await definitions.handle(
        stream,
        { type: 'ApproveCredentialSpec', institutionId: ids[k], approverStatus: 'active' },
        { actor: { subject: k, role: 'institution-admin', institution: ids[k] }, correlationId: 'bench' },
      );
    }
    await definitions.handle(stream, { type: 'PublishCredentialSpec', registry }, admin);
  }
  const orm = await createReadModelOrm({ kind: 'pglite', dataDir: 'memory://' });
  try {
    const report = await rebuildProjection({ store, orm, projection: catalogueProjection, intoVersion: catalogueProjection.version + 1 });
    return { events: report.handled, ms: report.ms };
  } finally {
    await orm.close();
  }
}

if (require.main === module) {
  benchProjectionRebuild(Number(process.env.BENCH_CATALOGUE_SPECS ?? 100)).then((r) =>
    console.log(r, Math.round((r.events * 1000) / r.ms), 'events/s'),
  );
}
