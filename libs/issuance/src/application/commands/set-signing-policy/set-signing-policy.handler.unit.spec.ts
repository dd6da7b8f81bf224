import { createAggregateHandlers } from '../../issuance-handlers';
import { InMemoryEventStore } from '@alliance/event-sourcing';
import { SetSigningPolicyCommand } from './set-signing-policy.command';
import { SetSigningPolicyHandler } from './set-signing-policy.handler';

const INST = '0190f5a0-0000-7000-8000-00000000000a';

describe('set an institution\'s signing policy', () => {
  it('an admin of the institution switches it to manual', async () => {
    const handler = new SetSigningPolicyHandler(createAggregateHandlers(new InMemoryEventStore()));
    const out = await handler.execute(
      SetSigningPolicyCommand.create({ institutionId: INST, policy: 'manual', actor: { subject: 'a', role: 'institution-admin', institution: INST }, correlationId: 'c' }),
    );
    expect(out).toEqual({ institutionId: INST, policy: 'manual' });
  });

  it('rejects an unknown policy by field', () => {
    expect(() =>
      SetSigningPolicyCommand.create({ institutionId: INST, policy: 'never' as 'manual', actor: { subject: 'a', role: 'alliance-admin' }, correlationId: 'c' }),
    ).toThrow(expect.objectContaining({ field: 'policy', status: 422 }));
  });

  it('refuses another institution\'s admin (403)', async () => {
    const handler = new SetSigningPolicyHandler(createAggregateHandlers(new InMemoryEventStore()));
    const command = SetSigningPolicyCommand.create({ institutionId: INST, policy: 'manual', actor: { subject: 'b', role: 'institution-admin', institution: 'other' }, correlationId: 'c' });
    await expect(handler.execute(command)).rejects.toMatchObject({ status: 403 });
  });
});
