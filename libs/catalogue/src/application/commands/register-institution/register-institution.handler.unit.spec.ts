import { catalogueHarness } from '../../__fixtures__/catalogue-harness';
import { RegisterInstitutionCommand } from './register-institution.command';
import { RegisterInstitutionHandler } from './register-institution.handler';

describe('RegisterInstitutionHandler', () => {
  const aau = { name: 'Aalborg University', legalName: 'Aalborg Universitet', countryCode: 'DK', homepage: 'https://www.aau.dk' };

  it('registers a pending member, gives it a did:web this platform serves when it has none, and records the actor', async () => {
    const h = catalogueHarness();
    const id = await new RegisterInstitutionHandler(h.aggregates, h.directory, h.config).execute(
      RegisterInstitutionCommand.create({ ...aau, ...h.meta() }),
    );
    const [event] = await h.events();
    expect(event).toMatchObject({
      streamId: `catalogue.institution-${id}`,
      type: 'InstitutionRegistered',
      data: { institutionId: id, did: `did:web:credentials.alliance.example:institutions:${id}`, status: 'pending' },
      metadata: { actor: { subject: 'admin', role: 'alliance-admin' }, correlationId: 'spec-correlation' },
    });
  });

  it('refuses a DID or a name another member already has, writing nothing', async () => {
    const h = catalogueHarness();
    const handler = new RegisterInstitutionHandler(h.aggregates, h.directory, h.config);
    await handler.execute(RegisterInstitutionCommand.create({ ...aau, did: 'did:web:www.aau.dk', ...h.meta() }));
    await expect(
      handler.execute(RegisterInstitutionCommand.create({ ...aau, name: 'AAU', did: 'did:web:www.aau.dk', ...h.meta() })),
    ).rejects.toMatchObject({
      code: 'catalogue.institution.did-taken',
      status: 409,
      field: 'did',
    });
    await expect(
      handler.execute(RegisterInstitutionCommand.create({ ...aau, name: ' aalborg university', ...h.meta() })),
    ).rejects.toMatchObject({
      code: 'catalogue.institution.name-taken',
    });
    expect(await h.store.headPosition()).toBe(1);
  });

  it("refuses an institution-admin: membership is the alliance-admin's decision", async () => {
    const h = catalogueHarness();
    const handler = new RegisterInstitutionHandler(h.aggregates, h.directory, h.config);
    await expect(
      handler.execute(RegisterInstitutionCommand.create({ ...aau, ...h.meta({ role: 'institution-admin', institution: 'x' }) })),
    ).rejects.toMatchObject({
      status: 403,
      code: 'catalogue.institution.alliance-admin-only',
    });
  });

  it('cannot be built without an actor or a correlation id', () => {
    expect(() => RegisterInstitutionCommand.create({ ...aau } as never)).toThrow(expect.objectContaining({ status: 422 }));
  });
});
