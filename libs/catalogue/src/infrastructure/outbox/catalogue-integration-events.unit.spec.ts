import { type KeyPossessionChallenge, verifyKeyPossession } from '@alliance/credentials';
import { createCommandHandler, InMemoryEventStore, type RecordedEvent } from '@alliance/event-sourcing';
import { CATALOGUE_AGGREGATES } from '../../application/catalogue-aggregates';
import { sustainableEnergyDefinition } from '../../domain/__fixtures__/definition.fixture';
import { addKeyWithProof, ownAdmin } from '../../domain/__fixtures__/key-possession.fixture';
import { AAU, DCU, registryWith, TUHH } from '../../domain/__fixtures__/members.fixture';
import { credentialSpecDecider } from '../../domain/credential-spec/credential-spec.decider';
import { institutionDecider } from '../../domain/institution/institution.decider';
import { assertPublishable, integrationMessageOf } from './catalogue-integration-events';

const SPEC = '0190a3c4-0000-7000-8000-00000000cccc';
const admin = { actor: { subject: 'admin', role: 'alliance-admin' }, correlationId: 'corr-9', causationId: 'req-1' };
const adminOf = (institution: string) => ({
  actor: { subject: `admin@${institution}`, role: 'institution-admin', institution },
  correlationId: 'corr-9',
});

describe('catalogue integration events', () => {
  const store = new InMemoryEventStore();
  const events: RecordedEvent[] = [];

  beforeAll(async () => {
    const institutions = createCommandHandler({ store, decider: institutionDecider });
    const specs = createCommandHandler({ store, decider: credentialSpecDecider });
    const registry = registryWith();
    for (const m of registry.members.values()) {
      await institutions.handle(
        CATALOGUE_AGGREGATES.stream.institution(m.institutionId),
        { type: 'RegisterInstitution', ...m, homepage: m.homepage },
        admin,
      );
    }
    for (const m of registry.members.values()) {
      await addKeyWithProof(
        (c, ctx) => institutions.handle(CATALOGUE_AGGREGATES.stream.institution(m.institutionId), c, ctx),
        m.institutionId,
        {
          keyId: 'key-1',
          custody: 'issuance-service',
        },
      );
    }
    const aau = CATALOGUE_AGGREGATES.stream.institution(AAU);
    await addKeyWithProof((c, ctx) => institutions.handle(aau, c, ctx), AAU, { keyId: 'key-2', replaces: 'key-1' });
    await institutions.handle(
      aau,
      {
        type: 'RevokeSigningKey',
        institutionId: AAU,
        keyId: 'key-1',
        reason: 'laptop stolen',
        compromisedSince: '2020-01-01T00:00:00.000Z',
      },
      ownAdmin(AAU),
    );
    await institutions.handle(aau, { type: 'SuspendInstitution', reason: 'QA review' }, admin);
    await institutions.handle(aau, { type: 'ReinstateInstitution' }, admin);
    const stream = CATALOGUE_AGGREGATES.stream.credentialSpec(SPEC);
    await specs.handle(
      stream,
      {
        type: 'DraftCredentialSpec',
        credentialSpecId: SPEC,
        definition: sustainableEnergyDefinition({ stackability: { option: 'stackable', towards: 'MSc' } }),
        registry,
      },
      admin,
    );
    await specs.handle(stream, { type: 'ProposeCredentialSpec', registry }, admin);
    for (const id of [AAU, DCU, TUHH])
      await specs.handle(stream, { type: 'ApproveCredentialSpec', institutionId: id, approverStatus: 'active' }, adminOf(id));
    await specs.handle(stream, { type: 'PublishCredentialSpec', registry }, admin);
    await specs.handle(stream, { type: 'RetireCredentialSpec', reason: 'replaced' }, admin);
    for await (const e of store.readAll()) events.push(e);
  });

  it('publishes the facts other services act on, and keeps drafts, approvals and key challenges inside', () => {
    const types = events
      .map(integrationMessageOf)
      .filter((m) => m !== undefined)
      .map((m) => m.type);
    expect(types).toEqual([
      ...new Array(4).fill('catalogue.institution.registered'),
      ...new Array(4).fill(['catalogue.institution.key-added', 'catalogue.institution.activated']).flat(),
      'catalogue.institution.key-rotated',
      'catalogue.institution.key-revoked',
      'catalogue.institution.suspended',
      'catalogue.institution.reinstated',
      'catalogue.credential-spec.published',
      'catalogue.credential-spec.retired',
    ]);
  });

  it('keys messages by aggregate and carries the event identity', () => {
    const registered = integrationMessageOf(events[0])!;
    expect(registered).toMatchObject({
      eventId: events[0].eventId,
      key: (events[0].data as { institutionId: string }).institutionId,
      source: 'catalogue',
      version: 1,
      correlationId: 'corr-9',
      causationId: 'req-1',
    });
  });

  it('publishes the complete definition snapshot: Annex I, components with owners, rule, bodies with DIDs and countries', () => {
    const published = integrationMessageOf(events.find((e) => e.type === 'CredentialSpecPublished')!)!;
    expect(published.key).toBe(SPEC);
    expect(published.payload).toMatchObject({
      credentialSpecId: SPEC,
      version: 1,
      title: 'Sustainable Energy Systems: Challenge-Based Learning',
      ects: 6,
      eqfLevel: 7,
      qfEheaCycle: 'second-cycle',
      formOfParticipation: 'blended',
      assessmentType: 'Project report and oral defence',
      qualityAssurance: { body: 'Danish Accreditation Institution' },
      languages: ['en'],
      validityMonths: 60,
      stackability: { option: 'stackable', towards: 'MSc' },
      awardingBodies: [
        { institutionId: AAU, lead: true, did: 'did:web:www.aau.dk', countryCode: 'DK', name: 'Aalborg University' },
        { institutionId: DCU, did: 'did:web:www.dcu.ie', countryCode: 'IE' },
        { institutionId: TUHH, countryCode: 'DE', region: 'DE-HH' },
      ],
      components: [
        { code: 'ENERGY-MODEL', institutionId: AAU, institutionDid: 'did:web:www.aau.dk', ects: 2 },
        { institutionId: DCU },
        { institutionId: TUHH },
      ],
      issuanceRule: { allComponentsPassed: true, withinMonths: 12 },
      stackParts: [],
    });
  });

  it('publishes key windows so verifiers can judge signatures at issuance time', () => {
    const rotated = integrationMessageOf(events.find((e) => e.type === 'SigningKeyRotated')!)!;
    expect(rotated.payload).toMatchObject({
      institutionId: AAU,
      previousKeyId: 'key-1',
      previousValidUntil: expect.any(String),
      newKey: { keyId: 'key-2', custody: 'institution' },
    });
  });

  it('announces members as pending, their activation, and keys with the proof consumers re-check', () => {
    const message = (type: string) => integrationMessageOf(events.find((e) => e.type === type)!)!;
    expect(message('InstitutionRegistered').payload).toMatchObject({ institutionId: AAU, status: 'pending' });
    expect(message('InstitutionActivated').payload).toEqual({ institutionId: AAU, activatedAt: expect.any(String) });
    const { key } = message('SigningKeyAdded').payload as {
      key: { keyId: string; publicKeyMultibase: string; possession: { challenge: KeyPossessionChallenge; signature: string } };
    };
    expect(key.possession.challenge).toMatchObject({ type: 'alliance-key-possession', institutionId: AAU, keyId: 'key-1' });
    expect(verifyKeyPossession(key.possession.challenge, key.possession.signature, key.publicKeyMultibase)).toBe(true);
    expect(message('SigningKeyRevoked').payload).toEqual({
      institutionId: AAU,
      keyId: 'key-1',
      reason: 'laptop stolen',
      revokedAt: expect.any(String),
      compromisedSince: '2020-01-01T00:00:00.000Z',
    });
    expect(events.filter((e) => e.type === 'KeyChallengeIssued').map(integrationMessageOf)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('accepts a published stack made only of other definitions', () => {
    const published = events.find((e) => e.type === 'CredentialSpecPublished')!;
    const data = published.data as { definition: Record<string, unknown> };
    const stack = {
      ...data,
      definition: { ...data.definition, components: [], stackParts: [{ credentialSpecId: 'other', version: 1, title: 'Part', ects: 6 }] },
    };
    expect(() => assertPublishable('CredentialSpecPublished', stack)).not.toThrow();
  });

  it('refuses, before it is written, an event its contract would reject', () => {
    const registered = events[0].data as Record<string, unknown>;
    expect(() => assertPublishable('InstitutionRegistered', { ...registered, countryCode: 'dk' })).toThrow(
      expect.objectContaining({ code: 'catalogue.contract-violation', status: 422, field: 'countryCode' }),
    );
    expect(() => assertPublishable('CredentialSpecApproved', { anything: true })).not.toThrow();
  });
});
