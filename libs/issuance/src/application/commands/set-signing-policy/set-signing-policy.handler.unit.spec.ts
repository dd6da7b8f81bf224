import { InMemoryEventStore } from '@alliance/event-sourcing';
import type { MembershipStatus } from '../../../domain/knowledge/institution-snapshot';
import { IssuanceAggregates } from '../../issuance-aggregates';
import { KnowledgeReader } from '../../knowledge/knowledge-reader';
import { SetSigningPolicyCommand } from './set-signing-policy.command';
import { SetSigningPolicyHandler } from './set-signing-policy.handler';

const INST = '0190f5a0-0000-7000-8000-00000000000a';
const SYSTEM = { actor: { subject: 'catalogue', role: 'system' }, correlationId: 'seed' };
const ownAdmin = { subject: 'a', role: 'institution-admin', institution: INST };

/** Issuance knowing INST, in `status`; no wait for members it does not know. */
async function handlerKnowing(status?: MembershipStatus): Promise<{ handler: SetSigningPolicyHandler; aggregates: IssuanceAggregates }> {
  const aggregates = new IssuanceAggregates(new InMemoryEventStore());
  if (status) {
    await aggregates.knownInstitution.handle(
      INST,
      {
        type: 'LearnInstitution',
        profile: {
          institutionId: INST,
          name: 'Uni A',
          countryCode: 'DK',
          did: 'did:web:a.example',
          registeredAt: '2025-01-01T00:00:00.000Z',
        },
      },
      SYSTEM,
    );
    if (status !== 'active')
      await aggregates.knownInstitution.handle(
        INST,
        { type: 'LearnMembershipStatus', institutionId: INST, status, from: '2025-06-01T00:00:00.000Z' },
        SYSTEM,
      );
  }
  return { handler: new SetSigningPolicyHandler(aggregates, new KnowledgeReader(aggregates, 0)), aggregates };
}

describe("set an institution's signing policy", () => {
  it('an admin of the institution switches it to manual', async () => {
    const { handler } = await handlerKnowing('active');
    const out = await handler.execute(
      SetSigningPolicyCommand.create({ institutionId: INST, policy: 'manual', actor: ownAdmin, correlationId: 'c' }),
    );
    expect(out).toEqual({ institutionId: INST, policy: 'manual' });
  });

  it('rejects an unknown policy by field', () => {
    expect(() =>
      SetSigningPolicyCommand.create({
        institutionId: INST,
        policy: 'never' as 'manual',
        actor: { subject: 'a', role: 'alliance-admin' },
        correlationId: 'c',
      }),
    ).toThrow(expect.objectContaining({ field: 'policy', status: 422 }));
  });

  it("refuses another institution's admin (403)", async () => {
    const { handler } = await handlerKnowing('active');
    const command = SetSigningPolicyCommand.create({
      institutionId: INST,
      policy: 'manual',
      actor: { subject: 'b', role: 'institution-admin', institution: 'other' },
      correlationId: 'c',
    });
    await expect(handler.execute(command)).rejects.toMatchObject({ status: 403 });
  });

  it('answers 404 for an institution issuance never learnt of, recording nothing', async () => {
    const { handler, aggregates } = await handlerKnowing(undefined);
    await expect(
      handler.execute(SetSigningPolicyCommand.create({ institutionId: INST, policy: 'automatic', actor: ownAdmin, correlationId: 'c' })),
    ).rejects.toMatchObject({
      status: 404,
      code: 'issuance.institution-not-found',
    });
    expect((await aggregates.signer.load(INST)).revision).toBe(-1);
  });

  it.each(['suspended', 'removed'] as const)('refuses a %s member (403 naming its standing), recording nothing', async (status) => {
    const { handler, aggregates } = await handlerKnowing(status);
    await expect(
      handler.execute(SetSigningPolicyCommand.create({ institutionId: INST, policy: 'automatic', actor: ownAdmin, correlationId: 'c' })),
    ).rejects.toMatchObject({
      status: 403,
      code: `issuance.member-${status}`,
    });
    expect((await aggregates.signer.load(INST)).revision).toBe(-1);
  });
});
