import { UNI_B } from '../../../domain/__fixtures__/specs.fixture';
import { adminOf, CREDENTIAL_ID, storeWithIssuedCredential } from '../../__fixtures__/issued-credential.fixture';
import { KnowledgeReader } from '../../knowledge/knowledge-reader';
import { SuspendCredentialCommand } from './suspend-credential.command';
import { SuspendCredentialHandler } from './suspend-credential.handler';
import { ISSUANCE_AGGREGATES } from '../../issuance-aggregates';

describe('suspend a credential', () => {
  it('records the suspension with the admin, the reason and the status slot', async () => {
    const { store, aggregates } = await storeWithIssuedCredential();
    const out = await new SuspendCredentialHandler(aggregates, new KnowledgeReader(aggregates, 0)).execute(
      SuspendCredentialCommand.create({
        credentialId: CREDENTIAL_ID,
        reason: 'identity check pending',
        actor: adminOf(UNI_B),
        correlationId: 'corr-1',
      }),
    );
    expect(out.lifecycle).toBe('suspended');
    const last = (await store.readStream(ISSUANCE_AGGREGATES.stream.credential(CREDENTIAL_ID))).at(-1)!;
    expect(last.type).toBe('CredentialSuspended');
    expect(last.data).toMatchObject({ reason: 'identity check pending', institutionId: UNI_B, status: { index: 17 } });
    expect(last.metadata).toMatchObject({ actor: adminOf(UNI_B), correlationId: 'corr-1', institution: UNI_B });
  });

  it('validates itself: a missing reason or a malformed id names the field', () => {
    expect(() => SuspendCredentialCommand.create({ credentialId: 'nope', reason: '', actor: adminOf(UNI_B), correlationId: 'c' })).toThrow(
      expect.objectContaining({ code: 'issuance.rules-violated', status: 422 }),
    );
  });

  it('refuses callers who are not institution admins (403)', async () => {
    const { aggregates } = await storeWithIssuedCredential();
    const command = SuspendCredentialCommand.create({
      credentialId: CREDENTIAL_ID,
      reason: 'x',
      actor: { subject: 'r', role: 'registrar', institution: UNI_B },
      correlationId: 'c',
    });
    await expect(new SuspendCredentialHandler(aggregates, new KnowledgeReader(aggregates, 0)).execute(command)).rejects.toMatchObject({
      status: 403,
    });
  });
});
