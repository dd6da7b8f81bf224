import {
  type CommandContext,
  compareTables,
  createCommandHandler,
  createProjectionContext,
  forkEntityManager,
  InMemoryEventStore,
  ProjectionRunner,
  type ReadModelOrm,
  rebuildProjection,
  PGLITE_START_BUDGET_MS,
  startPgliteForSpecs,
} from '@alliance/event-sourcing';
import { CATALOGUE_AGGREGATES } from '../../application/catalogue-aggregates';
import { sustainableEnergyDefinition } from '../../domain/__fixtures__/definition.fixture';
import { addKeyWithProof, freshNonce, ownAdmin } from '../../domain/__fixtures__/key-possession.fixture';
import { AAU, DCU, KTU, registryWith, TUHH } from '../../domain/__fixtures__/members.fixture';
import type { InstitutionCommand } from '../../domain/institution/institution.commands';
import { credentialSpecDecider } from '../../domain/credential-spec/credential-spec.decider';
import { institutionDecider } from '../../domain/institution/institution.decider';
import { catalogueProjection } from './catalogue.projection';
import { CredentialSpecBodyRows, CredentialSpecRows, CredentialSpecVersionRows } from './credential-spec-rows';
import { InstitutionRows, SigningKeyRows } from './institution-rows';

const SPEC = '0190a3c4-0000-7000-8000-00000000bbbb';
const COMPROMISED_SINCE = '2026-01-01T00:00:00.000Z';
const admin = { actor: { subject: 'admin', role: 'alliance-admin' }, correlationId: 'corr-1' };
const adminOf = (institution: string) => ({
  actor: { subject: `admin@${institution}`, role: 'institution-admin', institution },
  correlationId: 'corr-2',
});

describe('catalogue projection', () => {
  const store = new InMemoryEventStore();
  let orm: ReadModelOrm;
  const em = () => forkEntityManager(orm);

  beforeAll(async () => {
    let tick = Date.parse('2026-01-05T08:00:00.000Z');
    const clock = () => new Date((tick += 60_000));
    const institutions = createCommandHandler({ store, decider: institutionDecider, clock });
    const specs = createCommandHandler({ store, decider: credentialSpecDecider, clock });
    const registry = registryWith();
    const on = (institutionId: string) => (c: InstitutionCommand, ctx: CommandContext) =>
      institutions.handle(CATALOGUE_AGGREGATES.stream.institution(institutionId), c, ctx);
    for (const member of registry.members.values()) {
      const { institutionId, name, legalName, countryCode, region, homepage, did } = member;
      await institutions.handle(
        CATALOGUE_AGGREGATES.stream.institution(institutionId),
        { type: 'RegisterInstitution', institutionId, name, legalName, countryCode, ...(region ? { region } : {}), homepage, did },
        admin,
      );
      if (institutionId !== KTU) await addKeyWithProof(on(institutionId), institutionId, { keyId: 'key-1', custody: 'issuance-service' });
    }
    await addKeyWithProof(on(AAU), AAU, { keyId: 'key-2', replaces: 'key-1' });
    await on(AAU)(
      { type: 'RevokeSigningKey', institutionId: AAU, keyId: 'key-1', reason: 'laptop stolen', compromisedSince: COMPROMISED_SINCE },
      ownAdmin(AAU),
    );
    await on(KTU)({ type: 'IssueKeyChallenge', institutionId: KTU, keyId: 'key-1', nonce: freshNonce() }, ownAdmin(KTU));
    const stream = CATALOGUE_AGGREGATES.stream.credentialSpec(SPEC);
    await specs.handle(
      stream,
      { type: 'DraftCredentialSpec', credentialSpecId: SPEC, definition: sustainableEnergyDefinition(), registry },
      admin,
    );
    await specs.handle(stream, { type: 'ProposeCredentialSpec', registry }, admin);
    for (const id of [AAU, DCU, TUHH])
      await specs.handle(stream, { type: 'ApproveCredentialSpec', institutionId: id, approverStatus: 'active' }, adminOf(id));
    await specs.handle(stream, { type: 'PublishCredentialSpec', registry }, admin);
    await specs.handle(
      stream,
      {
        type: 'DraftCredentialSpecVersion',
        definition: sustainableEnergyDefinition({ title: 'Sustainable Energy Systems 2027' }),
        registry,
      },
      admin,
    );

    orm = await startPgliteForSpecs();
    await new ProjectionRunner({ store, orm, projection: catalogueProjection, batchSize: 7 }).catchUp();
  }, PGLITE_START_BUDGET_MS);

  afterAll(() => orm?.close());

  it('projects members with their full key history, revocations included', async () => {
    const aau = await em().findOneOrFail(catalogueProjection.entity(InstitutionRows), { id: AAU });
    expect(aau).toMatchObject({ name: 'Aalborg University', countryCode: 'DK', status: 'active', did: 'did:web:www.aau.dk', revision: 6 });
    const keys = await em().find(catalogueProjection.entity(SigningKeyRows), { institutionId: AAU }, { orderBy: { seq: 'asc' } });
    expect(keys.map((k) => [k.keyId, k.validUntil !== null, k.compromisedSince])).toEqual([
      ['key-1', true, COMPROMISED_SINCE],
      ['key-2', false, null],
    ]);
    expect(await em().count(catalogueProjection.entity(InstitutionRows), {})).toBe(4);
  });

  it('keeps a member without a key pending, with its open challenge in the folded state', async () => {
    const ktu = await em().findOneOrFail(catalogueProjection.entity(InstitutionRows), { id: KTU });
    expect(ktu).toMatchObject({ status: 'pending', revision: 1 });
    expect(ktu.state.challenges).toEqual([expect.objectContaining({ keyId: 'key-1', used: false })]);
    expect(await em().count(catalogueProjection.entity(InstitutionRows), { status: 'pending' })).toBe(1);
    expect(await em().count(catalogueProjection.entity(SigningKeyRows), { institutionId: KTU })).toBe(0);
  });

  it('projects every version, the approvals with their actors, and the awarding bodies', async () => {
    const spec = await em().findOneOrFail(catalogueProjection.entity(CredentialSpecRows), { id: SPEC });
    expect(spec).toMatchObject({
      latestVersion: 2,
      latestStatus: 'draft',
      publishedVersion: 1,
      title: 'Sustainable Energy Systems 2027',
      leadInstitutionId: AAU,
    });
    const versions = await em().find(
      catalogueProjection.entity(CredentialSpecVersionRows),
      { specId: SPEC },
      { orderBy: { version: 'asc' } },
    );
    expect(versions.map((v) => v.status)).toEqual(['published', 'draft']);
    expect(versions[0].approvals.map((a: { approvedBy: string }) => a.approvedBy)).toEqual([
      `admin@${AAU}`,
      `admin@${DCU}`,
      `admin@${TUHH}`,
    ]);
    expect(versions[0].published).toMatchObject({ version: 1, awardingBodies: [{ did: 'did:web:www.aau.dk' }, {}, {}] });
    expect(versions[0].history.map((h: { event: string }) => h.event)).toEqual([
      'CredentialSpecDrafted',
      'CredentialSpecProposed',
      'CredentialSpecApproved',
      'CredentialSpecApproved',
      'CredentialSpecApproved',
      'CredentialSpecPublished',
    ]);
    expect(await em().count(catalogueProjection.entity(CredentialSpecBodyRows), { specId: SPEC })).toBe(3);
  });

  it('is idempotent: replaying every event again changes nothing', async () => {
    const before = await snapshotTables();
    for (let pass = 0; pass < 2; pass++) {
      await orm.em.fork().transactional(async (tx) => {
        const context = createProjectionContext(tx, 3);
        for await (const event of store.readAll()) await catalogueProjection.handlers[event.type]?.(event, context);
      });
    }
    expect(await snapshotTables()).toEqual(before);
  });

  it('rebuilds from position zero into the same rows as live processing', async () => {
    await rebuildProjection({ store, orm, projection: catalogueProjection, intoVersion: 4, batchSize: 3 });
    for (const model of catalogueProjection.readModels) {
      const diff = await compareTables(em(), model.table(3), model.table(4));
      expect({ table: model.table(3), equal: diff.equal, rows: diff.rowsA }).toEqual({
        table: model.table(3),
        equal: true,
        rows: diff.rowsB,
      });
    }
  });

  async function snapshotTables(): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const model of catalogueProjection.readModels)
      out[model.baseTable] = await em().execute(`select * from ${model.table(3)} order by id`);
    return out;
  }
});
