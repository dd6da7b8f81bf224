import { credentialSpecAt } from '../credential-spec-at.fixture';

describe('PublishCredentialSpecHandler', () => {
  it('publishes only once every awarding body approved, freezing a self-contained snapshot', async () => {
    const { h, s, ids, id } = await credentialSpecAt('proposed');
    await s.approve(id, ids[0]);
    await s.approve(id, ids[1]);
    await expect(s.publish(id)).rejects.toMatchObject({ code: 'catalogue.publish.approvals-missing', status: 409 });
    await s.approve(id, ids[2]);
    await s.publish(id);
    const published = (await h.events()).at(-1)!;
    expect(published.type).toBe('CredentialSpecPublished');
    expect(published.data).toMatchObject({
      version: 1,
      definition: {
        awardingBodies: ids.map((institutionId) => ({
          institutionId,
          did: `did:web:credentials.alliance.example:institutions:${institutionId}`,
        })),
      },
    });
  });
});
