import {
  ensureReadModelTables,
  forkEntityManager,
  type ReadModelOrm,
  PGLITE_START_BUDGET_MS,
  startPgliteForSpecs,
} from '@alliance/event-sourcing';
import type { CredentialIssuedV1, CredentialSpecPublishedV1 } from '@alliance/contracts';
import type { EntityManager } from '@mikro-orm/sql';
import { HeldCredentialRows, KNOWLEDGE_VERSION, MemberStandings, SpecVersionRows } from './knowledge-rows';
import { knowledgeUpdates } from './knowledge-updates';
import { SqlEnrolmentKnowledge } from './sql-enrolment-knowledge';

// PGlite starts a whole PostgreSQL in WebAssembly: slow on a busy machine.
jest.setTimeout(60_000);

const published = (credentialSpecId: string, version: number, prerequisites?: string) =>
  ({
    credentialSpecId,
    version,
    title: `Definition ${credentialSpecId}`,
    publishedAt: '2026-01-01T00:00:00.000Z',
    awardingBodies: [{ institutionId: 'aau' }, { institutionId: 'dcu' }],
    ...(prerequisites ? { prerequisites } : {}),
  }) as unknown as CredentialSpecPublishedV1;
const status = { listId: 'l', index: 1 };

describe('enrolment knowledge of definitions and held credentials (PGlite)', () => {
  let orm: ReadModelOrm;
  let knowledge: SqlEnrolmentKnowledge;
  const tx = <T>(fn: (em: EntityManager) => Promise<T>) => forkEntityManager(orm).transactional(fn);
  beforeAll(async () => {
    orm = await startPgliteForSpecs();
    await ensureReadModelTables(orm, [
      SpecVersionRows.entity(KNOWLEDGE_VERSION),
      HeldCredentialRows.entity(KNOWLEDGE_VERSION),
      MemberStandings.entity,
    ]);
    knowledge = new SqlEnrolmentKnowledge(orm);
  }, PGLITE_START_BUDGET_MS);
  afterAll(() => orm.close());

  it('offers the current published version; older ones are superseded, retired ones stay retired', async () => {
    await tx((em) => knowledgeUpdates.specPublished(em, published('energy', 1)));
    await tx((em) => knowledgeUpdates.specPublished(em, published('energy', 2)));
    await tx((em) => knowledgeUpdates.specPublished(em, published('energy', 1)));
    expect(await knowledge.specVersion('energy')).toMatchObject({
      version: 2,
      status: 'published',
      awardingInstitutionIds: ['aau', 'dcu'],
    });
    expect(await knowledge.specVersion('energy', 1)).toMatchObject({ status: 'superseded' });
    await tx((em) => knowledgeUpdates.specRetired(em, { credentialSpecId: 'energy', version: 2, reason: 'r', retiredAt: 'x' }));
    await tx((em) => knowledgeUpdates.specPublished(em, published('energy', 2)));
    expect(await knowledge.specVersion('energy')).toMatchObject({ version: 2, status: 'retired' });
    expect(await knowledge.specVersion('unknown')).toBeUndefined();
  });

  it('reads required credentials from the prerequisites text', async () => {
    await tx((em) => knowledgeUpdates.specPublished(em, published('advanced', 1, 'Holds energy (the basics).')));
    expect((await knowledge.specVersion('advanced'))?.requiredCredentialSpecIds).toEqual(['energy']);
  });

  it('holds issued credentials until revoked; a suspended one does not count', async () => {
    const issued: CredentialIssuedV1 = {
      credentialId: 'c1',
      hash: '0'.repeat(64),
      learnerId: 'l1',
      credentialSpecId: 'energy',
      specVersion: 1,
      awardingBodies: ['aau'],
      awardedAt: '2026-01-02T00:00:00.000Z',
      issuedAt: '2026-01-02T00:00:00.000Z',
      status,
    };
    await tx((em) => knowledgeUpdates.credentialIssued(em, issued));
    await tx((em) => knowledgeUpdates.credentialIssued(em, issued));
    expect(await knowledge.heldCredentials('l1')).toEqual([{ credentialSpecId: 'energy', credentialId: 'c1' }]);
    await tx((em) => knowledgeUpdates.credentialStatus(em, { credentialId: 'c1', reason: 'r', status }, 'suspended'));
    expect(await knowledge.heldCredentials('l1')).toEqual([]);
    await tx((em) => knowledgeUpdates.credentialStatus(em, { credentialId: 'c1', reason: 'r', status }, 'issued'));
    await tx((em) => knowledgeUpdates.credentialStatus(em, { credentialId: 'c1', reason: 'r', status }, 'revoked'));
    await tx((em) => knowledgeUpdates.credentialStatus(em, { credentialId: 'c1', reason: 'r', status }, 'issued'));
    expect(await knowledge.heldCredentials('l1')).toEqual([]);
  });

  it("keeps each member's latest standing: an older fact delivered late changes nothing, and removal is for good", async () => {
    const registered = {
      institutionId: 'ktu',
      name: 'KTU',
      legalName: 'KTU',
      countryCode: 'LT',
      homepage: 'https://ktu.example',
      did: 'did:web:ktu.example',
      registeredAt: '2026-01-01T00:00:00.000Z',
      status: 'pending' as const,
    };
    expect(await knowledge.memberStanding('ktu')).toEqual({ institutionId: 'ktu', status: 'unknown' });
    await tx((em) => MemberStandings.institutionRegistered(em, registered));
    expect((await knowledge.memberStanding('ktu')).status).toBe('pending');
    await tx((em) => MemberStandings.memberStatus(em, 'ktu', 'active', '2026-01-02T00:00:00.000Z'));
    await tx((em) => MemberStandings.memberStatus(em, 'ktu', 'suspended', '2026-02-01T00:00:00.000Z'));
    await tx((em) => MemberStandings.institutionRegistered(em, registered));
    await tx((em) => MemberStandings.memberStatus(em, 'ktu', 'active', '2026-01-02T00:00:00.000Z'));
    expect((await knowledge.memberStanding('ktu')).status).toBe('suspended');
    await tx((em) => MemberStandings.memberStatus(em, 'ktu', 'removed', '2026-03-01T00:00:00.000Z'));
    await tx((em) => MemberStandings.memberStatus(em, 'ktu', 'active', '2026-04-01T00:00:00.000Z'));
    expect((await knowledge.memberStanding('ktu')).status).toBe('removed');
    // A member registered before onboarding existed carries no status: active from the start.
    await tx((em) => MemberStandings.institutionRegistered(em, { ...registered, institutionId: 'old', status: undefined }));
    expect((await knowledge.memberStanding('old')).status).toBe('active');
  });
});
