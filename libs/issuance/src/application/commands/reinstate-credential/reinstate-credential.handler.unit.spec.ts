import { UNI_A, UNI_B } from '../../../domain/__fixtures__/specs.fixture';
import { adminOf, CREDENTIAL_ID, storeWithIssuedCredential } from '../../__fixtures__/issued-credential.fixture';
import { KnowledgeReader } from '../../knowledge/knowledge-reader';
import { SuspendCredentialCommand, SuspendCredentialHandler } from '../suspend-credential';
import { ReinstateCredentialCommand } from './reinstate-credential.command';
import { ReinstateCredentialHandler } from './reinstate-credential.handler';

describe('reinstate a credential', () => {
  it('reinstates a suspended credential, by an admin of any awarding body', async () => {
    const { aggregates } = await storeWithIssuedCredential();
    await new SuspendCredentialHandler(aggregates, new KnowledgeReader(aggregates, 0)).execute(
      SuspendCredentialCommand.create({ credentialId: CREDENTIAL_ID, reason: 'check', actor: adminOf(UNI_B), correlationId: 'c' }),
    );
    const out = await new ReinstateCredentialHandler(aggregates, new KnowledgeReader(aggregates, 0)).execute(
      ReinstateCredentialCommand.create({ credentialId: CREDENTIAL_ID, reason: 'checked', actor: adminOf(UNI_A), correlationId: 'c' }),
    );
    expect(out.lifecycle).toBe('issued');
  });

  it('refuses to reinstate a credential that is not suspended (409)', async () => {
    const { aggregates } = await storeWithIssuedCredential();
    const command = ReinstateCredentialCommand.create({
      credentialId: CREDENTIAL_ID,
      reason: 'checked',
      actor: adminOf(UNI_A),
      correlationId: 'c',
    });
    await expect(new ReinstateCredentialHandler(aggregates, new KnowledgeReader(aggregates, 0)).execute(command)).rejects.toMatchObject({
      status: 409,
      code: 'issuance.credential.cannot-reinstate',
    });
  });
});
