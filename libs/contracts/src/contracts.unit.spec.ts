import { ALL_CONTRACTS, createContractRegistry } from './all-contracts';
import { ContractViolationError } from './contract';
import { credentialSpecPublishedV1 } from './catalogue';
import { learnerErasedV1 } from './enrolment';
import { VALID_PAYLOADS } from './__fixtures__/payloads.fixture';

const envelope = { eventId: '0197a3c4-0000-7000-8000-000000000001', occurredAt: '2026-03-01T10:00:00.000Z', correlationId: 'corr-1' };

describe('integration contracts', () => {
  it('names every contract <context>.<aggregate>.<fact>.v<n>, once, and covers the catalogue of events', () => {
    const names = ALL_CONTRACTS.map((c) => c.name).sort();
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(Object.keys(VALID_PAYLOADS).sort());
    for (const c of ALL_CONTRACTS) expect(c.source).toBe(c.type.split('.')[0]);
  });

  it.each(Object.entries(VALID_PAYLOADS))('%s accepts a valid payload and keys it by its aggregate', (name, payload) => {
    const contract = ALL_CONTRACTS.find((c) => c.name === name)!;
    const message = contract.message(payload as never, envelope);
    expect(message).toMatchObject({ type: contract.type, version: contract.version, source: contract.source, eventId: envelope.eventId });
    expect(message.key).toBeTruthy();
    const decoded = createContractRegistry().decode(JSON.parse(JSON.stringify(message)));
    expect(decoded.ok).toBe(true);
  });

  it('refuses to build a message from an invalid payload and says what is wrong, field by field', () => {
    const bad = { ...VALID_PAYLOADS['catalogue.credential-spec.published.v1'], eqfLevel: 9, components: [{ code: '' }] };
    let error: unknown;
    try {
      credentialSpecPublishedV1.message(bad as never, envelope);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContractViolationError);
    const problems = (error as ContractViolationError).problems;
    expect(problems).toContain('eqfLevel: must not be greater than 8');
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^components\[0\]\.code: /), expect.stringMatching(/^components\[0\]\.ects: /)]),
    );
  });

  it('keeps the payload typed as its class after decoding, nested parts included', () => {
    const decoded = createContractRegistry().decode(
      credentialSpecPublishedV1.message(VALID_PAYLOADS['catalogue.credential-spec.published.v1'] as never, envelope),
    );
    if (!decoded.ok) throw new Error(decoded.reason);
    const payload = decoded.message.payload as InstanceType<typeof credentialSpecPublishedV1.payload>;
    expect(payload).toBeInstanceOf(credentialSpecPublishedV1.payload);
    expect(payload.components.map((c) => [c.code, c.institutionId, c.ects])).toEqual([
      ['C1', 'uni-a', 2],
      ['C2', 'uni-b', 3],
    ]);
  });

  it('drops fields a newer publisher added, so adding an optional field is not a breaking change', () => {
    const decoded = createContractRegistry().decode({
      ...learnerErasedV1.message({ learnerId: 'l', erasedAt: envelope.occurredAt }, envelope),
      payload: { learnerId: 'l', erasedAt: envelope.occurredAt, extra: 1 },
    });
    expect(decoded.ok && decoded.message.payload).toEqual({ learnerId: 'l', erasedAt: envelope.occurredAt });
  });

  it('explains unknown versions and unknown types', () => {
    const registry = createContractRegistry();
    const base = learnerErasedV1.message({ learnerId: 'l', erasedAt: envelope.occurredAt }, envelope);
    expect(registry.decode({ ...base, version: 3 })).toEqual({
      ok: false,
      code: 'unknown-version',
      reason: 'enrolment.learner.erased v3 is not a known version (known: v1)',
    });
    expect(registry.decode({ ...base, type: 'enrolment.learner.teleported' })).toMatchObject({ ok: false, code: 'unknown-type' });
    expect(registry.decode({ ...base, payload: 'x' })).toMatchObject({
      ok: false,
      code: 'invalid-payload',
      reason: expect.stringContaining('JSON object'),
    });
  });
});
