import { UNI_A } from '../../../domain/__fixtures__/specs.fixture';
import { adminOf, CREDENTIAL_ID, storeWithIssuedCredential } from '../../__fixtures__/issued-credential.fixture';
import { KnowledgeReader } from '../../knowledge/knowledge-reader';
import { RevokeCredentialCommand } from './revoke-credential.command';
import { RevokeCredentialHandler } from './revoke-credential.handler';

describe('revoke a credential', () => {
  it('revokes for good, with the reason', async () => {
    const { aggregates } = await storeWithIssuedCredential();
    const handler = new RevokeCredentialHandler(aggregates, new KnowledgeReader(aggregates, 0));
    const command = RevokeCredentialCommand.create({
      credentialId: CREDENTIAL_ID,
      reason: 'academic misconduct',
      actor: adminOf(UNI_A),
      correlationId: 'c',
    });
    expect(await handler.execute(command)).toMatchObject({ lifecycle: 'revoked' });
    await expect(handler.execute(command)).rejects.toMatchObject({ status: 409, code: 'issuance.credential.already-revoked' });
  });

  it('refuses an admin of an institution that did not award it (403), and an unknown credential (404)', async () => {
    const { aggregates } = await storeWithIssuedCredential();
    const handler = new RevokeCredentialHandler(aggregates, new KnowledgeReader(aggregates, 0));
    await expect(
      handler.execute(
        RevokeCredentialCommand.create({ credentialId: CREDENTIAL_ID, reason: 'x', actor: adminOf('other'), correlationId: 'c' }),
      ),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      handler.execute(
        RevokeCredentialCommand.create({
          credentialId: '0190f5a0-0000-7000-8000-0000000000ff',
          reason: 'x',
          actor: adminOf(UNI_A),
          correlationId: 'c',
        }),
      ),
    ).rejects.toMatchObject({ status: 404 });
  });
});
