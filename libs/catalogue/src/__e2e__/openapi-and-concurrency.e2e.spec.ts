import { registerAlliance } from './alliance.fixture';
import { catalogueForSuite } from './catalogue-suite.fixture';
import { definitionFor, ECIU } from './eciu.fixture';

describe('catalogue: OpenAPI document and concurrent requests', () => {
  const svc = catalogueForSuite();

  it('documents every endpoint with its request schema', async () => {
    const doc = (await svc.http().get('/docs-json')).body;
    const paths = Object.keys(doc.paths);
    for (const path of [
      '/institutions',
      '/institutions/{id}',
      '/institutions/{id}/keys',
      '/institutions/{id}/key-challenges',
      '/institutions/{id}/keys/{keyId}/rotate',
      '/institutions/{id}/keys/{keyId}/revoke',
      '/institutions/{id}/keys/{keyId}/validity',
      '/institutions/{id}/did.json',
      '/credential-specs',
      '/credential-specs/{id}',
      '/credential-specs/{id}/propose',
      '/credential-specs/{id}/approvals',
      '/credential-specs/{id}/publish',
      '/credential-specs/{id}/retire',
      '/credential-specs/{id}/versions',
      '/credential-specs/{id}/versions/{version}',
    ]) {
      expect(paths).toContain(path);
    }
    const definition = doc.components.schemas.CredentialSpecDefinitionDto;
    expect(definition.required).toEqual(
      expect.arrayContaining([
        'title',
        'learningOutcomes',
        'ects',
        'eqfLevel',
        'assessmentType',
        'formOfParticipation',
        'qualityAssurance',
        'awardingBodies',
        'components',
        'issuanceRule',
        'languages',
      ]),
    );
    expect(doc.components.schemas.AddSigningKeyDto.required).toContain('proofOfPossession');
    expect(doc.paths['/credential-specs'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['status', 'institutionId', 'limit', 'offset']),
    );
  });

  it('lets every awarding body approve at the same moment (revision conflicts are retried)', async () => {
    const alliance = await registerAlliance(svc);
    const { ids, admin } = alliance;
    const { body: spec } = await svc.http().post('/credential-specs').set('authorization', admin).send(definitionFor(ids));
    await svc.http().post(`/credential-specs/${spec.id}/propose`).set('authorization', admin);
    const results = await Promise.all(
      [ids.aau, ids.dcu, ids.tuhh].map(
        async (inst) =>
          (
            await svc
              .http()
              .post(`/credential-specs/${spec.id}/approvals`)
              .set('authorization', await alliance.adminOf(inst))
              .send({})
          ).status,
      ),
    );
    expect(results).toEqual([201, 201, 201]);
    expect((await svc.http().get(`/credential-specs/${spec.id}`).set('authorization', admin)).body.status).toBe('approved');
  });

  it('registers a name once even when asked twice at the same moment', async () => {
    const admin = `Bearer ${await svc.token('alliance-admin')}`;
    const body = {
      ...ECIU.aau,
      name: 'Universitat Autònoma de Barcelona',
      legalName: 'Universitat Autònoma de Barcelona',
      countryCode: 'ES',
      region: 'ES-CT',
      homepage: 'https://www.uab.cat',
    };
    const statuses = (await Promise.all([1, 2, 3].map(() => svc.http().post('/institutions').set('authorization', admin).send(body))))
      .map((r) => r.status)
      .sort();
    expect(statuses).toEqual([201, 409, 409]);
  });
});
